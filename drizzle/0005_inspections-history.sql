-- Progress notes, action updates and due-date history are append-only; a finding-risk link can only be
-- closed (unlinked), never deleted or rewritten; inspections, findings and actions are never deleted.
CREATE TRIGGER `finding_notes_no_update` BEFORE UPDATE ON `finding_notes`
BEGIN SELECT RAISE(ABORT, 'finding notes are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `finding_notes_no_delete` BEFORE DELETE ON `finding_notes`
BEGIN SELECT RAISE(ABORT, 'finding notes are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `action_updates_no_update` BEFORE UPDATE ON `action_updates`
BEGIN SELECT RAISE(ABORT, 'action updates are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `action_updates_no_delete` BEFORE DELETE ON `action_updates`
BEGIN SELECT RAISE(ABORT, 'action updates are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `action_due_dates_no_update` BEFORE UPDATE ON `action_due_dates`
BEGIN SELECT RAISE(ABORT, 'due-date history is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `action_due_dates_no_delete` BEFORE DELETE ON `action_due_dates`
BEGIN SELECT RAISE(ABORT, 'due-date history is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `finding_risk_links_no_delete` BEFORE DELETE ON `finding_risk_links`
BEGIN SELECT RAISE(ABORT, 'links are closed, never deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `finding_risk_links_close_only` BEFORE UPDATE ON `finding_risk_links`
WHEN OLD.unlinked_at IS NOT NULL OR NEW.finding_id IS NOT OLD.finding_id OR NEW.risk_id IS NOT OLD.risk_id OR NEW.linked_at IS NOT OLD.linked_at
BEGIN SELECT RAISE(ABORT, 'a link can only be closed'); END;
--> statement-breakpoint
CREATE TRIGGER `inspections_no_delete` BEFORE DELETE ON `inspections`
BEGIN SELECT RAISE(ABORT, 'inspections are never deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `findings_no_delete` BEFORE DELETE ON `findings`
BEGIN SELECT RAISE(ABORT, 'findings are never deleted; supersede them'); END;
--> statement-breakpoint
CREATE TRIGGER `actions_no_delete` BEFORE DELETE ON `actions`
BEGIN SELECT RAISE(ABORT, 'actions are never deleted; cancel them'); END;
