-- A frozen snapshot cannot change or be removed.
CREATE TRIGGER `register_snapshots_no_update` BEFORE UPDATE ON `register_snapshots`
BEGIN SELECT RAISE(ABORT, 'snapshots are frozen'); END;
--> statement-breakpoint
CREATE TRIGGER `register_snapshots_no_delete` BEFORE DELETE ON `register_snapshots`
BEGIN SELECT RAISE(ABORT, 'snapshots are frozen'); END;
