CREATE INDEX `reviews_risk_day_idx` ON `reviews` (`risk_id`,`reviewed_on`,`sequence`);--> statement-breakpoint
CREATE INDEX `risk_revisions_risk_effective_idx` ON `risk_revisions` (`risk_id`,`effective_from`,`version`);--> statement-breakpoint
CREATE INDEX `risk_revisions_review_idx` ON `risk_revisions` (`review_id`);