CREATE TABLE `register_snapshots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`forum` text NOT NULL,
	`meeting_on` text NOT NULL,
	`as_at` text NOT NULL,
	`content` text NOT NULL,
	`sha256` text NOT NULL,
	`created_by_user_id` integer,
	`created_by_name` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
