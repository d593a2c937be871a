CREATE TABLE `attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ticket_id` integer NOT NULL,
	`comment_id` integer,
	`organization_id` integer NOT NULL,
	`uploader_id` integer NOT NULL,
	`name` text NOT NULL,
	`content_type` text NOT NULL,
	`kind` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`internal` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`removed_at` integer,
	`removed_by_id` integer,
	`removal_reason` text,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`comment_id`) REFERENCES `comments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploader_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`removed_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attachments_ticket_idx` ON `attachments` (`ticket_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `attachments_sha_idx` ON `attachments` (`sha256`) WHERE "removed_at" is null;--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by_id` integer,
	FOREIGN KEY (`updated_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `uploads` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uploader_id` integer NOT NULL,
	`name` text NOT NULL,
	`content_type` text NOT NULL,
	`kind` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`uploader_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `uploads_uploader_idx` ON `uploads` (`uploader_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `uploads_sha_idx` ON `uploads` (`sha256`);--> statement-breakpoint
ALTER TABLE `tickets` ADD `environment` text;--> statement-breakpoint
ALTER TABLE `tickets` ADD `users_affected` text;--> statement-breakpoint
ALTER TABLE `tickets` ADD `fault_started_at` integer;--> statement-breakpoint
ALTER TABLE `tickets` ADD `app_id` text;--> statement-breakpoint
ALTER TABLE `tickets` ADD `channel_name` text;--> statement-breakpoint
ALTER TABLE `tickets` ADD `user_ids` text;--> statement-breakpoint
ALTER TABLE `tickets` ADD `repro_steps` text;--> statement-breakpoint
CREATE INDEX `tickets_app_idx` ON `tickets` (`app_id`,`created_at`) WHERE "app_id" is not null;