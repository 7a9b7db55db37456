-- History is never rewritten: reviews, settings decisions, revisions and the audit log are append-only;
-- risks are archived, never deleted; a dated list item may only be closed (valid_to set once), not edited.
CREATE TRIGGER `reviews_no_update` BEFORE UPDATE ON `reviews`
BEGIN SELECT RAISE(ABORT, 'reviews are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `reviews_no_delete` BEFORE DELETE ON `reviews`
BEGIN SELECT RAISE(ABORT, 'reviews are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log`
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `register_settings_no_update` BEFORE UPDATE ON `register_settings`
BEGIN SELECT RAISE(ABORT, 'register settings history is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `register_settings_no_delete` BEFORE DELETE ON `register_settings`
BEGIN SELECT RAISE(ABORT, 'register settings history is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `risk_revisions_no_update` BEFORE UPDATE ON `risk_revisions`
BEGIN SELECT RAISE(ABORT, 'risk revisions are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `risk_revisions_no_delete` BEFORE DELETE ON `risk_revisions`
BEGIN SELECT RAISE(ABORT, 'risk revisions are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `risks_no_delete` BEFORE DELETE ON `risks`
BEGIN SELECT RAISE(ABORT, 'risks are archived, never deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `risk_consequences_no_delete` BEFORE DELETE ON `risk_consequences`
BEGIN SELECT RAISE(ABORT, 'consequences are closed, never deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `risk_consequences_close_only` BEFORE UPDATE ON `risk_consequences`
WHEN OLD.valid_to IS NOT NULL OR NEW.risk_id IS NOT OLD.risk_id OR NEW.text IS NOT OLD.text
  OR NEW.position IS NOT OLD.position OR NEW.valid_from IS NOT OLD.valid_from
BEGIN SELECT RAISE(ABORT, 'a consequence can only be closed, not edited'); END;
--> statement-breakpoint
CREATE TRIGGER `risk_mitigations_no_delete` BEFORE DELETE ON `risk_mitigations`
BEGIN SELECT RAISE(ABORT, 'mitigations are retired, never deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `risk_mitigations_close_only` BEFORE UPDATE ON `risk_mitigations`
WHEN OLD.valid_to IS NOT NULL OR NEW.risk_id IS NOT OLD.risk_id OR NEW.text IS NOT OLD.text
  OR NEW.position IS NOT OLD.position OR NEW.valid_from IS NOT OLD.valid_from OR NEW.owner_id IS NOT OLD.owner_id
BEGIN SELECT RAISE(ABORT, 'a mitigation can only be retired, not edited'); END;
--> statement-breakpoint
CREATE TRIGGER `risk_impact_areas_no_delete` BEFORE DELETE ON `risk_impact_areas`
BEGIN SELECT RAISE(ABORT, 'impact areas are closed, never deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `risk_impact_areas_close_only` BEFORE UPDATE ON `risk_impact_areas`
WHEN OLD.valid_to IS NOT NULL OR NEW.risk_id IS NOT OLD.risk_id OR NEW.area IS NOT OLD.area OR NEW.valid_from IS NOT OLD.valid_from
BEGIN SELECT RAISE(ABORT, 'an impact area can only be closed, not edited'); END;
