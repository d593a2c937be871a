DROP INDEX `tickets_org_status_idx`;--> statement-breakpoint
CREATE INDEX `tickets_org_status_priority_idx` ON `tickets` (`organization_id`,`status`,`created_at`,`priority`);