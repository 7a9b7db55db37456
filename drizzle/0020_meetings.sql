CREATE TABLE `commitment_moves` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`commitment_id` integer NOT NULL,
	`from_meeting_id` integer,
	`to_meeting_id` integer,
	`reason` text NOT NULL,
	`moved_by_user_id` integer,
	`moved_by_name` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`commitment_id`) REFERENCES `commitments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`moved_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `commitment_moves_commitment_idx` ON `commitment_moves` (`commitment_id`);--> statement-breakpoint
CREATE TABLE `commitments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`action_id` integer NOT NULL,
	`from_meeting_id` integer NOT NULL,
	`minute` text NOT NULL,
	`minute_title` text NOT NULL,
	`quote` text NOT NULL,
	`given_by` text NOT NULL,
	`due_text` text,
	`due_meeting_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`action_id`) REFERENCES `actions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`due_meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `commitments_action_unique` ON `commitments` (`action_id`);--> statement-breakpoint
CREATE INDEX `commitments_due_meeting_idx` ON `commitments` (`due_meeting_id`);--> statement-breakpoint
CREATE INDEX `commitments_from_meeting_idx` ON `commitments` (`from_meeting_id`);--> statement-breakpoint
CREATE TABLE `meeting_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`title` text NOT NULL,
	`source` text NOT NULL,
	`commitment_id` integer,
	`added_by_user_id` integer,
	`added_by_name` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`added_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meeting_items_meeting_idx` ON `meeting_items` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`forum` text NOT NULL,
	`meeting_on` text NOT NULL,
	`time` text,
	`place` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meetings_forum_day_unique` ON `meetings` (`forum`,`meeting_on`);--> statement-breakpoint
CREATE INDEX `meetings_day_idx` ON `meetings` (`meeting_on`);--> statement-breakpoint
-- Agenda items and a commitment's moves are history: appended, never changed, deleted or replaced. Meetings and
-- commitments are never deleted: an action that is closed closes its commitment.
CREATE TRIGGER `meeting_items_no_update` BEFORE UPDATE ON `meeting_items`
BEGIN SELECT RAISE(ABORT, 'agenda items are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `meeting_items_no_delete` BEFORE DELETE ON `meeting_items`
BEGIN SELECT RAISE(ABORT, 'agenda items are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `meeting_items_no_replace` BEFORE INSERT ON `meeting_items`
WHEN EXISTS (SELECT 1 FROM `meeting_items` WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'rows of meeting_items are never replaced'); END;
--> statement-breakpoint
CREATE TRIGGER `commitment_moves_no_update` BEFORE UPDATE ON `commitment_moves`
BEGIN SELECT RAISE(ABORT, 'a commitment''s moves are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `commitment_moves_no_delete` BEFORE DELETE ON `commitment_moves`
BEGIN SELECT RAISE(ABORT, 'a commitment''s moves are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `commitment_moves_no_replace` BEFORE INSERT ON `commitment_moves`
WHEN EXISTS (SELECT 1 FROM `commitment_moves` WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'rows of commitment_moves are never replaced'); END;
--> statement-breakpoint
CREATE TRIGGER `meetings_no_delete` BEFORE DELETE ON `meetings`
BEGIN SELECT RAISE(ABORT, 'meetings are never deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `commitments_no_delete` BEFORE DELETE ON `commitments`
BEGIN SELECT RAISE(ABORT, 'commitments are never deleted'); END;
