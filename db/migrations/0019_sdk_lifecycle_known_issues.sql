CREATE TABLE `known_issue_organizations` (
	`known_issue_id` integer NOT NULL,
	`organization_id` integer NOT NULL,
	PRIMARY KEY(`known_issue_id`, `organization_id`),
	FOREIGN KEY (`known_issue_id`) REFERENCES `known_issues`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `known_issues` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title_en` text NOT NULL,
	`title_zh` text NOT NULL,
	`product_area` text NOT NULL,
	`platforms` text NOT NULL,
	`affected_versions` text NOT NULL,
	`symptoms_en` text NOT NULL,
	`symptoms_zh` text NOT NULL,
	`workaround_en` text DEFAULT '' NOT NULL,
	`workaround_zh` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`fix_version` text,
	`public` integer DEFAULT true NOT NULL,
	`created_by_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `known_issues_public_idx` ON `known_issues` (`public`,`updated_at`) WHERE "public" = 1;--> statement-breakpoint
CREATE TABLE `sdk_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`platform` text NOT NULL,
	`line` text NOT NULL,
	`released_on` text NOT NULL,
	`full_support_until` text NOT NULL,
	`security_until` text NOT NULL,
	`guide_slug` text,
	`updated_at` integer NOT NULL,
	`updated_by_id` integer,
	FOREIGN KEY (`updated_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sdk_versions_platform_line_unique` ON `sdk_versions` (`platform`,`line`);--> statement-breakpoint
ALTER TABLE `tickets` ADD `known_issue_id` integer;--> statement-breakpoint
CREATE INDEX `tickets_known_issue_idx` ON `tickets` (`known_issue_id`) WHERE "known_issue_id" is not null;