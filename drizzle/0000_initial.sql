CREATE TABLE `app_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`actor_user_id` integer,
	`actor_label` text NOT NULL,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text,
	`summary` text NOT NULL,
	`detail` text,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_log_entity_idx` ON `audit_log` (`entity_type`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_log_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `people` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`job_title` text,
	`organisation` text DEFAULT 'opcc' NOT NULL,
	`email` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `register_settings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`effective_from` text NOT NULL,
	`appetite` integer NOT NULL,
	`removal_comparator` text NOT NULL,
	`removal_threshold` integer NOT NULL,
	`likelihood_name` text NOT NULL,
	`control_name` text NOT NULL,
	`control_scale` text NOT NULL,
	`impact_name` text NOT NULL,
	`approved_by` text NOT NULL,
	`minute_ref` text,
	`created_by_user_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "register_settings_appetite_range" CHECK("register_settings"."appetite" BETWEEN 1 AND 64),
	CONSTRAINT "register_settings_threshold_range" CHECK("register_settings"."removal_threshold" BETWEEN 1 AND 64)
);
--> statement-breakpoint
CREATE INDEX `register_settings_effective_idx` ON `register_settings` (`effective_from`);--> statement-breakpoint
CREATE TABLE `reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`risk_id` integer NOT NULL,
	`sequence` integer NOT NULL,
	`reviewed_on` text,
	`reviewed_on_note` text,
	`forum` text NOT NULL,
	`reviewer_user_id` integer,
	`reviewer_name` text,
	`likelihood` integer,
	`control` integer,
	`impact` integer,
	`score` integer NOT NULL,
	`reason` text,
	`source` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`risk_id`) REFERENCES `risks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewer_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "reviews_likelihood_range" CHECK("reviews"."likelihood" IS NULL OR "reviews"."likelihood" BETWEEN 1 AND 4),
	CONSTRAINT "reviews_control_range" CHECK("reviews"."control" IS NULL OR "reviews"."control" BETWEEN 1 AND 4),
	CONSTRAINT "reviews_impact_range" CHECK("reviews"."impact" IS NULL OR "reviews"."impact" BETWEEN 1 AND 4),
	CONSTRAINT "reviews_score_range" CHECK("reviews"."score" BETWEEN 1 AND 64),
	CONSTRAINT "reviews_score_is_product" CHECK("reviews"."likelihood" IS NULL OR "reviews"."control" IS NULL OR "reviews"."impact" IS NULL OR "reviews"."score" = "reviews"."likelihood" * "reviews"."control" * "reviews"."impact")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reviews_risk_sequence_unique` ON `reviews` (`risk_id`,`sequence`);--> statement-breakpoint
CREATE INDEX `reviews_reviewed_on_idx` ON `reviews` (`reviewed_on`);--> statement-breakpoint
CREATE TABLE `risk_consequences` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`risk_id` integer NOT NULL,
	`position` integer NOT NULL,
	`text` text NOT NULL,
	`valid_from` text NOT NULL,
	`valid_to` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`risk_id`) REFERENCES `risks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `risk_consequences_risk_idx` ON `risk_consequences` (`risk_id`,`valid_to`);--> statement-breakpoint
CREATE TABLE `risk_impact_areas` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`risk_id` integer NOT NULL,
	`area` text NOT NULL,
	`valid_from` text NOT NULL,
	`valid_to` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`risk_id`) REFERENCES `risks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `risk_impact_areas_risk_idx` ON `risk_impact_areas` (`risk_id`,`valid_to`);--> statement-breakpoint
CREATE INDEX `risk_impact_areas_area_idx` ON `risk_impact_areas` (`area`);--> statement-breakpoint
CREATE TABLE `risk_mitigations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`risk_id` integer NOT NULL,
	`position` integer NOT NULL,
	`text` text NOT NULL,
	`owner_id` integer,
	`valid_from` text NOT NULL,
	`valid_to` text,
	`retired_reason` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`risk_id`) REFERENCES `risks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `risk_mitigations_risk_idx` ON `risk_mitigations` (`risk_id`,`valid_to`);--> statement-breakpoint
CREATE TABLE `risk_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`risk_id` integer NOT NULL,
	`version` integer NOT NULL,
	`effective_from` text NOT NULL,
	`event` text NOT NULL,
	`category` text NOT NULL,
	`status` text NOT NULL,
	`owner_id` integer,
	`review_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`risk_id`) REFERENCES `risks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `risk_revisions_risk_version_unique` ON `risk_revisions` (`risk_id`,`version`);--> statement-breakpoint
CREATE TABLE `risks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ref` text NOT NULL,
	`category` text NOT NULL,
	`ref_number` integer NOT NULL,
	`date_identified` text NOT NULL,
	`event` text NOT NULL,
	`status` text DEFAULT 'live' NOT NULL,
	`owner_id` integer,
	`archived_on` text,
	`archived_reason` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "risks_ref_number_positive" CHECK("risks"."ref_number" >= 1),
	CONSTRAINT "risks_inherent_never_archived" CHECK(NOT ("risks"."category" = 'inherent' AND "risks"."status" = 'archived'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `risks_ref_unique` ON `risks` (`ref`);--> statement-breakpoint
CREATE UNIQUE INDEX `risks_category_number_unique` ON `risks` (`category`,`ref_number`);--> statement-breakpoint
CREATE INDEX `risks_status_idx` ON `risks` (`status`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text,
	`person_id` integer,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (lower("email"));