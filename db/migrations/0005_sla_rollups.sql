CREATE TABLE `satisfaction_rollups` (
	`month` text NOT NULL,
	`tier_id` integer NOT NULL,
	`region` text NOT NULL,
	`priority` text NOT NULL,
	`product_area` text NOT NULL,
	`ratings` integer DEFAULT 0 NOT NULL,
	`score_sum` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`month`, `tier_id`, `region`, `priority`, `product_area`)
);
--> statement-breakpoint
CREATE TABLE `sla_breach_rollups` (
	`metric` text NOT NULL,
	`month` text NOT NULL,
	`tier_id` integer NOT NULL,
	`region` text NOT NULL,
	`priority` text NOT NULL,
	`product_area` text NOT NULL,
	`category` text NOT NULL,
	`breached` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`metric`, `month`, `tier_id`, `region`, `priority`, `product_area`, `category`)
);
--> statement-breakpoint
CREATE TABLE `sla_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`quarter` text NOT NULL,
	`snapshot` text NOT NULL,
	`published_at` integer NOT NULL,
	`published_by_id` integer NOT NULL,
	FOREIGN KEY (`published_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sla_reports_quarter_unique` ON `sla_reports` (`quarter`);--> statement-breakpoint
CREATE TABLE `sla_rollups` (
	`metric` text NOT NULL,
	`month` text NOT NULL,
	`tier_id` integer NOT NULL,
	`region` text NOT NULL,
	`priority` text NOT NULL,
	`product_area` text NOT NULL,
	`met` integer DEFAULT 0 NOT NULL,
	`breached` integer DEFAULT 0 NOT NULL,
	`excluded` integer DEFAULT 0 NOT NULL,
	`band0` integer DEFAULT 0 NOT NULL,
	`band1` integer DEFAULT 0 NOT NULL,
	`band2` integer DEFAULT 0 NOT NULL,
	`band3` integer DEFAULT 0 NOT NULL,
	`band4` integer DEFAULT 0 NOT NULL,
	`band5` integer DEFAULT 0 NOT NULL,
	`band6` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`metric`, `month`, `tier_id`, `region`, `priority`, `product_area`)
);
--> statement-breakpoint
CREATE TABLE `ticket_sla_facts` (
	`ticket_id` integer PRIMARY KEY NOT NULL,
	`organization_id` integer NOT NULL,
	`tier_id` integer NOT NULL,
	`region` text NOT NULL,
	`priority` text NOT NULL,
	`product_area` text NOT NULL,
	`category` text NOT NULL,
	`excluded` integer NOT NULL,
	`fr_outcome` text,
	`fr_month` text,
	`fr_at` integer,
	`fr_band` integer,
	`wa_outcome` text,
	`wa_month` text,
	`wa_at` integer,
	`res_outcome` text,
	`res_month` text,
	`res_at` integer,
	`rating_month` text,
	`rating_score` integer,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `ticket_sla_facts_org_idx` ON `ticket_sla_facts` (`organization_id`);--> statement-breakpoint
CREATE INDEX `ticket_sla_facts_fr_idx` ON `ticket_sla_facts` (`fr_outcome`,`fr_at`);--> statement-breakpoint
CREATE INDEX `ticket_sla_facts_wa_idx` ON `ticket_sla_facts` (`wa_outcome`,`wa_at`);--> statement-breakpoint
CREATE INDEX `ticket_sla_facts_res_idx` ON `ticket_sla_facts` (`res_outcome`,`res_at`);