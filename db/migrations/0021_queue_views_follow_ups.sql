CREATE TABLE `escalation_route_experts` (
	`product_area` text NOT NULL,
	`user_id` integer NOT NULL,
	PRIMARY KEY(`product_area`, `user_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `escalation_routes` (
	`product_area` text PRIMARY KEY NOT NULL,
	`mode` text NOT NULL,
	`updated_by_id` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`updated_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `follow_ups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organization_id` integer NOT NULL,
	`title` text NOT NULL,
	`due_on` text NOT NULL,
	`created_by_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`completed_at` integer,
	`completed_by_id` integer,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`completed_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `follow_ups_org_idx` ON `follow_ups` (`organization_id`,`completed_at`,`due_on`);--> statement-breakpoint
CREATE TABLE `queue_views` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`owner_id` integer NOT NULL,
	`name` text NOT NULL,
	`shared` integer DEFAULT false NOT NULL,
	`columns` text NOT NULL,
	`filters` text NOT NULL,
	`sort` text DEFAULT 'urgency' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `queue_views_owner_idx` ON `queue_views` (`owner_id`);--> statement-breakpoint
CREATE INDEX `queue_views_shared_idx` ON `queue_views` (`shared`);--> statement-breakpoint
ALTER TABLE `engagements` ADD `day` text;--> statement-breakpoint
CREATE INDEX `tickets_queue_priority_idx` ON `tickets` (`priority`,`next_due_at`,`id`,`status`) WHERE "next_due_at" is not null and "outside_sla" = 0;--> statement-breakpoint
CREATE INDEX `tickets_queue_created_idx` ON `tickets` (`created_at`,`id`,`status`) WHERE "next_due_at" is not null and "outside_sla" = 0;--> statement-breakpoint
CREATE INDEX `tickets_queue_updated_idx` ON `tickets` (`updated_at`,`id`,`status`) WHERE "next_due_at" is not null and "outside_sla" = 0;