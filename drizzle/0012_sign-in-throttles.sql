CREATE TABLE `sign_in_throttles` (
	`email` text NOT NULL,
	`address` text NOT NULL,
	`failures` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text,
	`last_failure_at` text NOT NULL,
	PRIMARY KEY(`email`, `address`)
);
