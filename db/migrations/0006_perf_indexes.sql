DROP INDEX `tickets_open_due_idx`;--> statement-breakpoint
CREATE INDEX `tickets_open_due_idx` ON `tickets` (`next_due_at`,`id`,`status`) WHERE "next_due_at" is not null and "outside_sla" = 0;--> statement-breakpoint
CREATE INDEX `sla_breach_rollups_month_idx` ON `sla_breach_rollups` (`month`,`product_area`,`category`,`breached`);--> statement-breakpoint
CREATE INDEX `ticket_events_complaint_idx` ON `ticket_events` (`at`,`id`) WHERE "type" = 'complaint';