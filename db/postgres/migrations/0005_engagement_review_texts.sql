ALTER TABLE "engagements" ADD COLUMN "review_id" bigint;--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Texts the portal wrote in English are now shown in each reader's language (decision 043): the
-- entry of a shared review points at its review and keeps no title of its own ...
UPDATE "engagements" SET "review_id" = (SELECT "r"."id" FROM "reviews" "r" WHERE "r"."organization_id" = "engagements"."organization_id" AND 'Service review ' || "r"."quarter" || ' shared' = "engagements"."title") WHERE "kind" = 'review' AND "title" LIKE 'Service review %-Q_ shared';
--> statement-breakpoint
UPDATE "engagements" SET "title" = '' WHERE "review_id" IS NOT NULL;
--> statement-breakpoint
-- ... and a ticket opened from a mail without a subject or text, or a comment from a mail without
-- text, stores nothing where it stored "(no subject)" or "(no text)".
UPDATE "tickets" SET "subject" = '' WHERE "subject" = '(no subject)' AND "channel" = 'email';
--> statement-breakpoint
UPDATE "tickets" SET "description" = '' WHERE "description" = '(no text)' AND "channel" = 'email';
--> statement-breakpoint
UPDATE "comments" SET "body" = '' WHERE "body" = '(no text)' AND "id" IN (SELECT "comment_id" FROM "inbound_mail" WHERE "comment_id" IS NOT NULL);
--> statement-breakpoint
-- A proactive alert's ticket keeps what the alert says; the ticket page names it a proactive alert
-- found by monitoring (its channel) in the reader's language.
UPDATE "tickets" SET "subject" = substr("subject", 18) WHERE "channel" = 'monitoring' AND "subject" LIKE 'Proactive alert: %';
--> statement-breakpoint
UPDATE "tickets" SET "description" = substr("description", 81) WHERE "channel" = 'monitoring' AND "description" LIKE 'Our monitoring detected an anomaly on your traffic before any report from you.%';
--> statement-breakpoint
-- Monitoring's note that it saw the same problem again keeps what the monitor said; the ticket page
-- introduces it from the alert's row.
UPDATE "comments" SET "body" = CASE WHEN strpos("body", E'\n\n') > 0 THEN substr("body", strpos("body", E'\n\n') + 2) ELSE '' END WHERE "automatic" = 1 AND "body" LIKE 'Monitoring detected the same problem again at %';
