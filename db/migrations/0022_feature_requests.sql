CREATE TABLE `custom_development_scopes` (
	`ticket_id` integer PRIMARY KEY NOT NULL,
	`estimate_days` integer,
	`quote_reference` text,
	`decision` text,
	`updated_at` integer NOT NULL,
	`updated_by_id` integer,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `feature_requests` (
	`ticket_id` integer PRIMARY KEY NOT NULL,
	`status` text DEFAULT 'under_review' NOT NULL,
	`public_title` text NOT NULL,
	`public_note` text,
	`ack_days` integer DEFAULT 5 NOT NULL,
	`ack_due_at` integer NOT NULL,
	`acknowledged_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `feature_requests_status_idx` ON `feature_requests` (`status`);--> statement-breakpoint
CREATE TABLE `feature_votes` (
	`ticket_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`organization_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`ticket_id`, `user_id`),
	FOREIGN KEY (`ticket_id`) REFERENCES `feature_requests`(`ticket_id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `feature_votes_org_idx` ON `feature_votes` (`organization_id`);