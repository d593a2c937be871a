CREATE TABLE `incident_subscriptions` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`product_areas` text NOT NULL,
	`regions` text NOT NULL,
	`incidents` integer NOT NULL,
	`maintenance` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `maintenance_reminders` (
	`incident_id` integer PRIMARY KEY NOT NULL,
	`due_at` integer NOT NULL,
	`sent_at` integer,
	`recipients` integer,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `maintenance_reminders_due_idx` ON `maintenance_reminders` (`due_at`) WHERE "sent_at" is null;