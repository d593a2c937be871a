CREATE TABLE `on_call_page_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`page_id` integer NOT NULL,
	`ticket_id` integer NOT NULL,
	`at` integer NOT NULL,
	`kind` text NOT NULL,
	`level` text NOT NULL,
	`user_id` integer,
	`latency_ms` integer NOT NULL,
	FOREIGN KEY (`page_id`) REFERENCES `on_call_pages`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `on_call_page_events_at_idx` ON `on_call_page_events` (`at`);--> statement-breakpoint
CREATE INDEX `on_call_page_events_page_idx` ON `on_call_page_events` (`page_id`);--> statement-breakpoint
CREATE TABLE `on_call_pages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ticket_id` integer NOT NULL,
	`rota_id` integer,
	`priority` text NOT NULL,
	`reason` text NOT NULL,
	`level` text NOT NULL,
	`user_id` integer,
	`attempts` integer DEFAULT 0 NOT NULL,
	`triggered_at` integer NOT NULL,
	`last_paged_at` integer,
	`next_action_at` integer,
	`acknowledged_at` integer,
	`acknowledged_by_id` integer,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`rota_id`) REFERENCES `rotas`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`acknowledged_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `on_call_pages_ticket_idx` ON `on_call_pages` (`ticket_id`);--> statement-breakpoint
CREATE INDEX `on_call_pages_due_idx` ON `on_call_pages` (`next_action_at`) WHERE "acknowledged_at" is null and "next_action_at" is not null;--> statement-breakpoint
CREATE INDEX `on_call_pages_user_open_idx` ON `on_call_pages` (`user_id`) WHERE "acknowledged_at" is null;--> statement-breakpoint
CREATE INDEX `on_call_pages_triggered_idx` ON `on_call_pages` (`triggered_at`);--> statement-breakpoint
CREATE TABLE `on_call_settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `rota_members` (
	`rota_id` integer NOT NULL,
	`position` integer NOT NULL,
	`user_id` integer NOT NULL,
	PRIMARY KEY(`rota_id`, `position`),
	FOREIGN KEY (`rota_id`) REFERENCES `rotas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `rota_shifts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`rota_id` integer NOT NULL,
	`kind` text NOT NULL,
	`role` text NOT NULL,
	`user_id` integer NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`note` text,
	`created_by_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`rota_id`) REFERENCES `rotas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `rota_shifts_rota_idx` ON `rota_shifts` (`rota_id`,`ends_at`,`starts_at`);--> statement-breakpoint
CREATE TABLE `rotas` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`region` text NOT NULL,
	`product_area` text,
	`time_zone` text NOT NULL,
	`kind` text NOT NULL,
	`handover_weekday` integer DEFAULT 1 NOT NULL,
	`handover_time` text DEFAULT '09:00' NOT NULL,
	`start_date` text NOT NULL,
	`manager_id` integer NOT NULL,
	`ack_minutes_p0` integer DEFAULT 5 NOT NULL,
	`ack_minutes_p1` integer DEFAULT 15 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`manager_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `rotas_scope_idx` ON `rotas` (`region`,`product_area`);--> statement-breakpoint
CREATE TABLE `sla_warnings` (
	`ticket_id` integer NOT NULL,
	`metric` text NOT NULL,
	`kind` text NOT NULL,
	`due_at` integer NOT NULL,
	`user_id` integer,
	`warned_at` integer NOT NULL,
	PRIMARY KEY(`ticket_id`, `metric`, `kind`, `due_at`),
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `webhook_deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`webhook_id` integer NOT NULL,
	`event` text NOT NULL,
	`payload` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer,
	`lease_until` integer,
	`response_status` integer,
	`response_body` text,
	`error` text,
	`created_at` integer NOT NULL,
	`last_attempt_at` integer,
	`delivered_at` integer,
	FOREIGN KEY (`webhook_id`) REFERENCES `webhooks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `webhook_deliveries_due_idx` ON `webhook_deliveries` (`next_attempt_at`) WHERE "status" = 'pending';--> statement-breakpoint
CREATE INDEX `webhook_deliveries_hook_idx` ON `webhook_deliveries` (`webhook_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `webhooks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`url` text NOT NULL,
	`secret` text NOT NULL,
	`events` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`consecutive_failures` integer DEFAULT 0 NOT NULL,
	`disabled_at` integer,
	`created_by_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
