DROP INDEX `ticket_sla_facts_org_fr_idx`;--> statement-breakpoint
DROP INDEX `ticket_sla_facts_org_wa_idx`;--> statement-breakpoint
DROP INDEX `ticket_sla_facts_org_res_idx`;--> statement-breakpoint
ALTER TABLE `ticket_sla_facts` ADD `rating_at` integer;--> statement-breakpoint
UPDATE `ticket_sla_facts` SET `rating_at` = (SELECT `created_at` FROM `satisfaction_ratings` r WHERE r.`ticket_id` = `ticket_sla_facts`.`ticket_id`) WHERE `rating_score` IS NOT NULL;--> statement-breakpoint
CREATE INDEX `ticket_sla_facts_org_fr_cover_idx` ON `ticket_sla_facts` (`organization_id`,`fr_at`,`fr_outcome`,`excluded`,`priority`,`fr_month`,`tier_id`,`fr_band`);--> statement-breakpoint
CREATE INDEX `ticket_sla_facts_org_wa_cover_idx` ON `ticket_sla_facts` (`organization_id`,`wa_at`,`wa_outcome`,`excluded`,`priority`,`wa_month`,`tier_id`);--> statement-breakpoint
CREATE INDEX `ticket_sla_facts_org_res_cover_idx` ON `ticket_sla_facts` (`organization_id`,`res_at`,`res_outcome`,`excluded`,`priority`,`res_month`,`tier_id`);--> statement-breakpoint
CREATE INDEX `ticket_sla_facts_org_rating_idx` ON `ticket_sla_facts` (`organization_id`,`rating_at`,`rating_score`);--> statement-breakpoint
DROP INDEX `tickets_org_created_idx`;--> statement-breakpoint
CREATE INDEX `tickets_org_created_cover_idx` ON `tickets` (`organization_id`,`created_at`,`priority`,`product_area`,`category`);