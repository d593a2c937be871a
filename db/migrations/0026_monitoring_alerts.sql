CREATE TABLE `monitoring_keys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`secret` text NOT NULL,
	`created_by_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `monitoring_receipts` (
	`signature` text PRIMARY KEY NOT NULL,
	`alert_id` integer,
	`received_at` integer NOT NULL,
	FOREIGN KEY (`alert_id`) REFERENCES `proactive_alerts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `monitoring_receipts_received_idx` ON `monitoring_receipts` (`received_at`);--> statement-breakpoint
ALTER TABLE `proactive_alerts` ADD `source` text DEFAULT 'staff' NOT NULL;--> statement-breakpoint
ALTER TABLE `proactive_alerts` ADD `metric` text;--> statement-breakpoint
ALTER TABLE `proactive_alerts` ADD `app_id` text;--> statement-breakpoint
ALTER TABLE `proactive_alerts` ADD `external_id` text;--> statement-breakpoint
CREATE INDEX `proactive_alerts_external_idx` ON `proactive_alerts` (`organization_id`,`external_id`);