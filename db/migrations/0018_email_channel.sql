CREATE TABLE `inbound_mail` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`received_at` integer NOT NULL,
	`via` text NOT NULL,
	`message_id` text,
	`envelope_from` text,
	`from_address` text,
	`from_name` text,
	`recipients` text NOT NULL,
	`subject` text NOT NULL,
	`size` integer NOT NULL,
	`outcome` text NOT NULL,
	`reason` text,
	`ticket_id` integer,
	`comment_id` integer,
	`sender_id` integer,
	`organization_id` integer,
	`handled_by_id` integer,
	`handled_at` integer,
	`raw` blob,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`sender_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`handled_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `inbound_mail_message_id_idx` ON `inbound_mail` (`message_id`) WHERE "message_id" is not null;--> statement-breakpoint
CREATE INDEX `inbound_mail_outcome_idx` ON `inbound_mail` (`outcome`,`received_at`);--> statement-breakpoint
CREATE INDEX `inbound_mail_ticket_idx` ON `inbound_mail` (`ticket_id`) WHERE "ticket_id" is not null;--> statement-breakpoint
CREATE TABLE `notification_preferences` (
	`user_id` integer NOT NULL,
	`topic` text NOT NULL,
	`delivery` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `topic`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `outbox` ADD `html` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `headers` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `ticket_id` integer;