CREATE TABLE `advisory_organizations` (
	`advisory_id` integer NOT NULL,
	`organization_id` integer NOT NULL,
	`notified_at` integer NOT NULL,
	`acknowledged_at` integer,
	`acknowledged_by_id` integer,
	PRIMARY KEY(`advisory_id`, `organization_id`),
	FOREIGN KEY (`advisory_id`) REFERENCES `security_advisories`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`acknowledged_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `advisory_organizations_org_idx` ON `advisory_organizations` (`organization_id`,`acknowledged_at`);--> statement-breakpoint
CREATE TABLE `organization_sdks` (
	`organization_id` integer NOT NULL,
	`platform` text NOT NULL,
	`version` text NOT NULL,
	`declared_at` integer NOT NULL,
	PRIMARY KEY(`organization_id`, `platform`, `version`),
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `security_advisories` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title_en` text NOT NULL,
	`title_zh` text NOT NULL,
	`body_en` text NOT NULL,
	`body_zh` text NOT NULL,
	`product_areas` text NOT NULL,
	`affected` text NOT NULL,
	`cvss_vector` text NOT NULL,
	`cvss_score` real NOT NULL,
	`severity` text NOT NULL,
	`upgrade_steps_en` text DEFAULT '' NOT NULL,
	`upgrade_steps_zh` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`published_at` integer,
	`fix_due_at` integer,
	`created_by_id` integer,
	`published_by_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`published_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `security_advisories_status_idx` ON `security_advisories` (`status`,`published_at`);