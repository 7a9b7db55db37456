CREATE TABLE `covering_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`snapshot_id` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`narrative` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by_user_id` integer,
	`created_by_name` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_by_name` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`content` text,
	`sha256` text,
	`published_by_user_id` integer,
	`published_by_name` text,
	`published_at` text,
	FOREIGN KEY (`snapshot_id`) REFERENCES `register_snapshots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`published_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "covering_reports_published_has_content" CHECK("covering_reports"."status" = 'draft' OR ("covering_reports"."content" IS NOT NULL AND "covering_reports"."sha256" IS NOT NULL AND "covering_reports"."published_at" IS NOT NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `covering_reports_snapshot_unique` ON `covering_reports` (`snapshot_id`);