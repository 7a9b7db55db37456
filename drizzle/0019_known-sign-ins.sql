CREATE TABLE `sign_in_known` (
	`email` text NOT NULL,
	`kind` text NOT NULL,
	`key_hash` text NOT NULL,
	`last_sign_in_at` text NOT NULL,
	PRIMARY KEY(`email`, `kind`, `key_hash`),
	CONSTRAINT "sign_in_known_kind" CHECK("sign_in_known"."kind" in ('device', 'address'))
);
