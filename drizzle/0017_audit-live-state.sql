-- Rows are recorded by the connection that writes them (db/row-capture.ts), so the queue of drizzle/0015 and
-- its triggers go: a row waiting in a table could be recorded later by a change that did not write it.
DROP TRIGGER IF EXISTS `reviews_record_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `review_corrections_record_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `risk_revisions_record_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `risk_consequences_record_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `risk_mitigations_record_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `risk_impact_areas_record_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `register_settings_record_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `register_snapshots_record_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `covering_reports_record_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `finding_notes_record_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `action_updates_record_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `action_due_dates_record_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `risk_consequences_record_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `risk_mitigations_record_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `risk_impact_areas_record_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `covering_reports_record_update`;
--> statement-breakpoint
-- The rows this upgrade records once, in one entry that says so (db/upgrade.ts, run as the migration
-- completes): anything still queued, and every row of the live tables, which entries record from now on.
CREATE TABLE `audit_upgrade` (
	`table_name` text NOT NULL,
	`row_id` integer NOT NULL,
	PRIMARY KEY(`table_name`, `row_id`)
);
--> statement-breakpoint
INSERT OR IGNORE INTO `audit_upgrade` (table_name, row_id) SELECT table_name, row_id FROM `audit_pending`;
--> statement-breakpoint
INSERT OR IGNORE INTO `audit_upgrade` (table_name, row_id) SELECT 'risks', id FROM `risks`;
--> statement-breakpoint
INSERT OR IGNORE INTO `audit_upgrade` (table_name, row_id) SELECT 'people', id FROM `people`;
--> statement-breakpoint
INSERT OR IGNORE INTO `audit_upgrade` (table_name, row_id) SELECT 'users', id FROM `users`;
--> statement-breakpoint
INSERT OR IGNORE INTO `audit_upgrade` (table_name, row_id) SELECT 'review_proposals', id FROM `review_proposals`;
--> statement-breakpoint
INSERT OR IGNORE INTO `audit_upgrade` (table_name, row_id) SELECT 'inspections', id FROM `inspections`;
--> statement-breakpoint
INSERT OR IGNORE INTO `audit_upgrade` (table_name, row_id) SELECT 'inspection_judgments', id FROM `inspection_judgments`;
--> statement-breakpoint
INSERT OR IGNORE INTO `audit_upgrade` (table_name, row_id) SELECT 'findings', id FROM `findings`;
--> statement-breakpoint
INSERT OR IGNORE INTO `audit_upgrade` (table_name, row_id) SELECT 'finding_risk_links', id FROM `finding_risk_links`;
--> statement-breakpoint
INSERT OR IGNORE INTO `audit_upgrade` (table_name, row_id) SELECT 'actions', id FROM `actions`;
--> statement-breakpoint
INSERT OR IGNORE INTO `audit_upgrade` (table_name, row_id) SELECT 'revoked_sessions', rowid FROM `revoked_sessions`;
--> statement-breakpoint
DROP TABLE `audit_pending`;
