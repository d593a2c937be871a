CREATE TABLE `macros` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`owner_id` integer,
	`title_en` text NOT NULL,
	`title_zh` text NOT NULL,
	`body_en` text NOT NULL,
	`body_zh` text NOT NULL,
	`set_status` text,
	`set_category` text,
	`assign_to_me` integer DEFAULT false NOT NULL,
	`created_by_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `macros_owner_idx` ON `macros` (`owner_id`);