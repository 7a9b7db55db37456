CREATE TABLE `review_proposals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`risk_id` integer NOT NULL,
	`proposed_by_user_id` integer NOT NULL,
	`likelihood` integer NOT NULL,
	`control` integer NOT NULL,
	`impact` integer NOT NULL,
	`score` integer NOT NULL,
	`reason` text NOT NULL,
	`mitigation_update` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`decided_by_user_id` integer,
	`decided_at` text,
	`decision_note` text,
	`review_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`risk_id`) REFERENCES `risks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`proposed_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "review_proposals_factors" CHECK("review_proposals"."likelihood" BETWEEN 1 AND 4 AND "review_proposals"."control" BETWEEN 1 AND 4 AND "review_proposals"."impact" BETWEEN 1 AND 4 AND "review_proposals"."score" = "review_proposals"."likelihood" * "review_proposals"."control" * "review_proposals"."impact")
);
--> statement-breakpoint
CREATE INDEX `review_proposals_risk_idx` ON `review_proposals` (`risk_id`,`status`);