DROP INDEX `ticket_events_escalated_idx`;--> statement-breakpoint
ALTER TABLE `ticket_events` ADD `organization_id` integer NOT NULL DEFAULT 0;--> statement-breakpoint
UPDATE `ticket_events` SET `organization_id` = (SELECT t.`organization_id` FROM `tickets` t WHERE t.`id` = `ticket_events`.`ticket_id`);--> statement-breakpoint
CREATE INDEX `ticket_events_org_escalated_idx` ON `ticket_events` (`organization_id`,`at`) WHERE "type" = 'escalated';
