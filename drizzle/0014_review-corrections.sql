CREATE TABLE `review_corrections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`review_id` integer NOT NULL,
	`reviewed_on` text,
	`forum` text NOT NULL,
	`likelihood` integer NOT NULL,
	`control` integer NOT NULL,
	`impact` integer NOT NULL,
	`score` integer NOT NULL,
	`reason` text,
	`why` text NOT NULL,
	`corrected_by_user_id` integer,
	`corrected_by_name` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`corrected_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "review_corrections_likelihood_range" CHECK("review_corrections"."likelihood" BETWEEN 1 AND 4),
	CONSTRAINT "review_corrections_control_range" CHECK("review_corrections"."control" BETWEEN 1 AND 4),
	CONSTRAINT "review_corrections_impact_range" CHECK("review_corrections"."impact" BETWEEN 1 AND 4),
	CONSTRAINT "review_corrections_score_is_product" CHECK("review_corrections"."score" = "review_corrections"."likelihood" * "review_corrections"."control" * "review_corrections"."impact")
);
--> statement-breakpoint
CREATE INDEX `review_corrections_review_idx` ON `review_corrections` (`review_id`,`id`);--> statement-breakpoint
-- Corrections are kept like the reviews they correct: never updated, deleted or replaced.
CREATE TRIGGER `review_corrections_no_update` BEFORE UPDATE ON `review_corrections`
BEGIN SELECT RAISE(ABORT, 'review corrections are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `review_corrections_no_delete` BEFORE DELETE ON `review_corrections`
BEGIN SELECT RAISE(ABORT, 'review corrections are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `review_corrections_no_replace` BEFORE INSERT ON `review_corrections`
WHEN EXISTS (SELECT 1 FROM `review_corrections` WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'rows of review_corrections are never replaced'); END;
