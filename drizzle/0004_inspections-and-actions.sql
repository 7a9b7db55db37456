CREATE TABLE `action_due_dates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`action_id` integer NOT NULL,
	`due_on` text NOT NULL,
	`reason` text,
	`set_by_user_id` integer,
	`set_by_name` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`action_id`) REFERENCES `actions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`set_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `action_updates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`action_id` integer NOT NULL,
	`note` text NOT NULL,
	`status_after` text NOT NULL,
	`author_user_id` integer,
	`author_name` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`action_id`) REFERENCES `actions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `actions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`source_type` text NOT NULL,
	`source_ref` text,
	`finding_id` integer,
	`risk_id` integer,
	`owner_id` integer NOT NULL,
	`due_on` text NOT NULL,
	`status` text DEFAULT 'not-started' NOT NULL,
	`completed_on` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`finding_id`) REFERENCES `findings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`risk_id`) REFERENCES `risks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `actions_owner_idx` ON `actions` (`owner_id`);--> statement-breakpoint
CREATE INDEX `actions_due_idx` ON `actions` (`due_on`);--> statement-breakpoint
CREATE INDEX `actions_risk_idx` ON `actions` (`risk_id`);--> statement-breakpoint
CREATE TABLE `finding_notes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`finding_id` integer NOT NULL,
	`note` text NOT NULL,
	`author_user_id` integer,
	`author_name` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`finding_id`) REFERENCES `findings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `finding_risk_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`finding_id` integer NOT NULL,
	`risk_id` integer NOT NULL,
	`linked_by_user_id` integer,
	`linked_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`unlinked_by_user_id` integer,
	`unlinked_at` text,
	FOREIGN KEY (`finding_id`) REFERENCES `findings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`risk_id`) REFERENCES `risks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`linked_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unlinked_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `finding_risk_links_risk_idx` ON `finding_risk_links` (`risk_id`);--> statement-breakpoint
CREATE INDEX `finding_risk_links_finding_idx` ON `finding_risk_links` (`finding_id`);--> statement-breakpoint
CREATE TABLE `findings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`inspection_id` integer NOT NULL,
	`kind` text NOT NULL,
	`reference` text NOT NULL,
	`component` text,
	`text` text NOT NULL,
	`sub_items` text NOT NULL,
	`line` integer,
	`status` text DEFAULT 'open' NOT NULL,
	`opcc_owner_id` integer,
	`force_lead` text,
	`within_months` integer,
	`deadline` text,
	`cause_id` integer,
	`predecessor_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`inspection_id`) REFERENCES `inspections`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`opcc_owner_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `findings_inspection_idx` ON `findings` (`inspection_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `findings_reference_unique` ON `findings` (`reference`);--> statement-breakpoint
CREATE TABLE `inspection_judgments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`inspection_id` integer NOT NULL,
	`position` integer NOT NULL,
	`pillar` text,
	`component` text NOT NULL,
	`grade` text NOT NULL,
	`last_inspected` text,
	FOREIGN KEY (`inspection_id`) REFERENCES `inspections`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `inspections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`force` text NOT NULL,
	`title` text NOT NULL,
	`inspectorate` text NOT NULL,
	`type` text NOT NULL,
	`year` text NOT NULL,
	`published_on` text NOT NULL,
	`source_name` text,
	`s55_status` text DEFAULT 'not-started' NOT NULL,
	`s55_published_on` text,
	`s55_link` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
