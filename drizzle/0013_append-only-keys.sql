-- SQLite's INSERT OR REPLACE deletes a conflicting row without firing delete triggers, so the no-update
-- and no-delete triggers alone let it rewrite history. Every table whose rows are kept refuses an insert
-- whose key (or unique key) is already taken, before any conflict resolution runs.
CREATE TRIGGER `reviews_no_replace` BEFORE INSERT ON `reviews`
WHEN EXISTS (SELECT 1 FROM `reviews` WHERE id = NEW.id) OR EXISTS (SELECT 1 FROM `reviews` WHERE risk_id = NEW.risk_id AND sequence = NEW.sequence)
BEGIN SELECT RAISE(ABORT, 'rows of reviews are never replaced'); END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_replace` BEFORE INSERT ON `audit_log`
WHEN EXISTS (SELECT 1 FROM `audit_log` WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'rows of audit_log are never replaced'); END;
--> statement-breakpoint
CREATE TRIGGER `register_settings_no_replace` BEFORE INSERT ON `register_settings`
WHEN EXISTS (SELECT 1 FROM `register_settings` WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'rows of register_settings are never replaced'); END;
--> statement-breakpoint
CREATE TRIGGER `risk_revisions_no_replace` BEFORE INSERT ON `risk_revisions`
WHEN EXISTS (SELECT 1 FROM `risk_revisions` WHERE id = NEW.id) OR EXISTS (SELECT 1 FROM `risk_revisions` WHERE risk_id = NEW.risk_id AND version = NEW.version)
BEGIN SELECT RAISE(ABORT, 'rows of risk_revisions are never replaced'); END;
--> statement-breakpoint
CREATE TRIGGER `register_snapshots_no_replace` BEFORE INSERT ON `register_snapshots`
WHEN EXISTS (SELECT 1 FROM `register_snapshots` WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'rows of register_snapshots are never replaced'); END;
--> statement-breakpoint
CREATE TRIGGER `finding_notes_no_replace` BEFORE INSERT ON `finding_notes`
WHEN EXISTS (SELECT 1 FROM `finding_notes` WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'rows of finding_notes are never replaced'); END;
--> statement-breakpoint
CREATE TRIGGER `action_updates_no_replace` BEFORE INSERT ON `action_updates`
WHEN EXISTS (SELECT 1 FROM `action_updates` WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'rows of action_updates are never replaced'); END;
--> statement-breakpoint
CREATE TRIGGER `action_due_dates_no_replace` BEFORE INSERT ON `action_due_dates`
WHEN EXISTS (SELECT 1 FROM `action_due_dates` WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'rows of action_due_dates are never replaced'); END;
--> statement-breakpoint
CREATE TRIGGER `risks_no_replace` BEFORE INSERT ON `risks`
WHEN EXISTS (SELECT 1 FROM `risks` WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'rows of risks are never replaced'); END;
--> statement-breakpoint
CREATE TRIGGER `risk_consequences_no_replace` BEFORE INSERT ON `risk_consequences`
WHEN EXISTS (SELECT 1 FROM `risk_consequences` WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'rows of risk_consequences are never replaced'); END;
--> statement-breakpoint
CREATE TRIGGER `risk_mitigations_no_replace` BEFORE INSERT ON `risk_mitigations`
WHEN EXISTS (SELECT 1 FROM `risk_mitigations` WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'rows of risk_mitigations are never replaced'); END;
--> statement-breakpoint
CREATE TRIGGER `risk_impact_areas_no_replace` BEFORE INSERT ON `risk_impact_areas`
WHEN EXISTS (SELECT 1 FROM `risk_impact_areas` WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'rows of risk_impact_areas are never replaced'); END;
--> statement-breakpoint
CREATE TRIGGER `finding_risk_links_no_replace` BEFORE INSERT ON `finding_risk_links`
WHEN EXISTS (SELECT 1 FROM `finding_risk_links` WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'rows of finding_risk_links are never replaced'); END;
--> statement-breakpoint
CREATE TRIGGER `inspections_no_replace` BEFORE INSERT ON `inspections`
WHEN EXISTS (SELECT 1 FROM `inspections` WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'rows of inspections are never replaced'); END;
--> statement-breakpoint
CREATE TRIGGER `findings_no_replace` BEFORE INSERT ON `findings`
WHEN EXISTS (SELECT 1 FROM `findings` WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'rows of findings are never replaced'); END;
--> statement-breakpoint
CREATE TRIGGER `actions_no_replace` BEFORE INSERT ON `actions`
WHEN EXISTS (SELECT 1 FROM `actions` WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'rows of actions are never replaced'); END;
--> statement-breakpoint
CREATE TRIGGER `covering_reports_no_replace` BEFORE INSERT ON `covering_reports`
WHEN EXISTS (SELECT 1 FROM `covering_reports` WHERE id = NEW.id) OR EXISTS (SELECT 1 FROM `covering_reports` WHERE snapshot_id = NEW.snapshot_id)
BEGIN SELECT RAISE(ABORT, 'rows of covering_reports are never replaced'); END;
