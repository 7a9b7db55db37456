CREATE TABLE `audit_pending` (
	`table_name` text NOT NULL,
	`row_id` integer NOT NULL,
	PRIMARY KEY(`table_name`, `row_id`)
);
--> statement-breakpoint
ALTER TABLE `audit_log` ADD `records` text;
--> statement-breakpoint
-- Every row written to a kept table is queued for the audit entry written in the same transaction
-- (writeAudit records its digest and clears the queue), so no write path can leave a row unrecorded.
CREATE TRIGGER `reviews_record_insert` AFTER INSERT ON `reviews`
BEGIN INSERT OR IGNORE INTO `audit_pending` (table_name, row_id) VALUES ('reviews', NEW.id); END;
--> statement-breakpoint
CREATE TRIGGER `review_corrections_record_insert` AFTER INSERT ON `review_corrections`
BEGIN INSERT OR IGNORE INTO `audit_pending` (table_name, row_id) VALUES ('review_corrections', NEW.id); END;
--> statement-breakpoint
CREATE TRIGGER `risk_revisions_record_insert` AFTER INSERT ON `risk_revisions`
BEGIN INSERT OR IGNORE INTO `audit_pending` (table_name, row_id) VALUES ('risk_revisions', NEW.id); END;
--> statement-breakpoint
CREATE TRIGGER `risk_consequences_record_insert` AFTER INSERT ON `risk_consequences`
BEGIN INSERT OR IGNORE INTO `audit_pending` (table_name, row_id) VALUES ('risk_consequences', NEW.id); END;
--> statement-breakpoint
CREATE TRIGGER `risk_consequences_record_update` AFTER UPDATE ON `risk_consequences`
BEGIN INSERT OR IGNORE INTO `audit_pending` (table_name, row_id) VALUES ('risk_consequences', NEW.id); END;
--> statement-breakpoint
CREATE TRIGGER `risk_mitigations_record_insert` AFTER INSERT ON `risk_mitigations`
BEGIN INSERT OR IGNORE INTO `audit_pending` (table_name, row_id) VALUES ('risk_mitigations', NEW.id); END;
--> statement-breakpoint
CREATE TRIGGER `risk_mitigations_record_update` AFTER UPDATE ON `risk_mitigations`
BEGIN INSERT OR IGNORE INTO `audit_pending` (table_name, row_id) VALUES ('risk_mitigations', NEW.id); END;
--> statement-breakpoint
CREATE TRIGGER `risk_impact_areas_record_insert` AFTER INSERT ON `risk_impact_areas`
BEGIN INSERT OR IGNORE INTO `audit_pending` (table_name, row_id) VALUES ('risk_impact_areas', NEW.id); END;
--> statement-breakpoint
CREATE TRIGGER `risk_impact_areas_record_update` AFTER UPDATE ON `risk_impact_areas`
BEGIN INSERT OR IGNORE INTO `audit_pending` (table_name, row_id) VALUES ('risk_impact_areas', NEW.id); END;
--> statement-breakpoint
CREATE TRIGGER `register_settings_record_insert` AFTER INSERT ON `register_settings`
BEGIN INSERT OR IGNORE INTO `audit_pending` (table_name, row_id) VALUES ('register_settings', NEW.id); END;
--> statement-breakpoint
CREATE TRIGGER `register_snapshots_record_insert` AFTER INSERT ON `register_snapshots`
BEGIN INSERT OR IGNORE INTO `audit_pending` (table_name, row_id) VALUES ('register_snapshots', NEW.id); END;
--> statement-breakpoint
CREATE TRIGGER `covering_reports_record_insert` AFTER INSERT ON `covering_reports`
BEGIN INSERT OR IGNORE INTO `audit_pending` (table_name, row_id) VALUES ('covering_reports', NEW.id); END;
--> statement-breakpoint
CREATE TRIGGER `covering_reports_record_update` AFTER UPDATE ON `covering_reports`
BEGIN INSERT OR IGNORE INTO `audit_pending` (table_name, row_id) VALUES ('covering_reports', NEW.id); END;
--> statement-breakpoint
CREATE TRIGGER `finding_notes_record_insert` AFTER INSERT ON `finding_notes`
BEGIN INSERT OR IGNORE INTO `audit_pending` (table_name, row_id) VALUES ('finding_notes', NEW.id); END;
--> statement-breakpoint
CREATE TRIGGER `action_updates_record_insert` AFTER INSERT ON `action_updates`
BEGIN INSERT OR IGNORE INTO `audit_pending` (table_name, row_id) VALUES ('action_updates', NEW.id); END;
--> statement-breakpoint
CREATE TRIGGER `action_due_dates_record_insert` AFTER INSERT ON `action_due_dates`
BEGIN INSERT OR IGNORE INTO `audit_pending` (table_name, row_id) VALUES ('action_due_dates', NEW.id); END;
--> statement-breakpoint
-- Rows written before this migration are queued too; scripts/db-setup.ts records them in one entry on start.
INSERT OR IGNORE INTO `audit_pending` (table_name, row_id) SELECT 'reviews', id FROM `reviews`;
--> statement-breakpoint
INSERT OR IGNORE INTO `audit_pending` (table_name, row_id) SELECT 'review_corrections', id FROM `review_corrections`;
--> statement-breakpoint
INSERT OR IGNORE INTO `audit_pending` (table_name, row_id) SELECT 'risk_revisions', id FROM `risk_revisions`;
--> statement-breakpoint
INSERT OR IGNORE INTO `audit_pending` (table_name, row_id) SELECT 'risk_consequences', id FROM `risk_consequences`;
--> statement-breakpoint
INSERT OR IGNORE INTO `audit_pending` (table_name, row_id) SELECT 'risk_mitigations', id FROM `risk_mitigations`;
--> statement-breakpoint
INSERT OR IGNORE INTO `audit_pending` (table_name, row_id) SELECT 'risk_impact_areas', id FROM `risk_impact_areas`;
--> statement-breakpoint
INSERT OR IGNORE INTO `audit_pending` (table_name, row_id) SELECT 'register_settings', id FROM `register_settings`;
--> statement-breakpoint
INSERT OR IGNORE INTO `audit_pending` (table_name, row_id) SELECT 'register_snapshots', id FROM `register_snapshots`;
--> statement-breakpoint
INSERT OR IGNORE INTO `audit_pending` (table_name, row_id) SELECT 'covering_reports', id FROM `covering_reports`;
--> statement-breakpoint
INSERT OR IGNORE INTO `audit_pending` (table_name, row_id) SELECT 'finding_notes', id FROM `finding_notes`;
--> statement-breakpoint
INSERT OR IGNORE INTO `audit_pending` (table_name, row_id) SELECT 'action_updates', id FROM `action_updates`;
--> statement-breakpoint
INSERT OR IGNORE INTO `audit_pending` (table_name, row_id) SELECT 'action_due_dates', id FROM `action_due_dates`;
