-- A published covering report cannot change; no covering report is ever removed.
CREATE TRIGGER `covering_reports_published_frozen` BEFORE UPDATE ON `covering_reports`
WHEN OLD.`status` = 'published'
BEGIN SELECT RAISE(ABORT, 'published covering reports are frozen'); END;
--> statement-breakpoint
CREATE TRIGGER `covering_reports_no_delete` BEFORE DELETE ON `covering_reports`
BEGIN SELECT RAISE(ABORT, 'covering reports are never deleted'); END;
