CREATE TABLE `rate_counters` (
	`key` text PRIMARY KEY NOT NULL,
	`window_start` integer NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	`strikes` integer DEFAULT 0 NOT NULL,
	`blocked_until` integer
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
DROP INDEX `reviews_org_quarter_idx`;--> statement-breakpoint
-- Keep the latest review of any organization and quarter generated twice before this index (action items go with the rest).
DELETE FROM `reviews` WHERE `id` NOT IN (SELECT max(`id`) FROM `reviews` GROUP BY `organization_id`, `quarter`);--> statement-breakpoint
CREATE UNIQUE INDEX `reviews_org_quarter_uq` ON `reviews` (`organization_id`,`quarter`);