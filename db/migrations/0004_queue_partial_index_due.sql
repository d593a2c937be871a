DROP INDEX `tickets_open_due_idx`;--> statement-breakpoint
CREATE INDEX `tickets_open_due_idx` ON `tickets` (`next_due_at`,`id`) WHERE "next_due_at" is not null and "outside_sla" = 0;