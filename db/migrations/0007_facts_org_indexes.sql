DROP INDEX `ticket_sla_facts_org_idx`;--> statement-breakpoint
CREATE INDEX `ticket_sla_facts_org_fr_idx` ON `ticket_sla_facts` (`organization_id`,`fr_at`);--> statement-breakpoint
CREATE INDEX `ticket_sla_facts_org_wa_idx` ON `ticket_sla_facts` (`organization_id`,`wa_at`);--> statement-breakpoint
CREATE INDEX `ticket_sla_facts_org_res_idx` ON `ticket_sla_facts` (`organization_id`,`res_at`);--> statement-breakpoint
CREATE INDEX `ticket_events_escalated_idx` ON `ticket_events` (`at`,`ticket_id`) WHERE "type" = 'escalated';