/**
 * The product's scheduled jobs, registered when a server process starts (instrumentation.ts calls
 * `startJobs`). Each capability defines its job beside its service and adds it to JOBS.
 */
import { attachmentSweepJob } from "@/server/attachments/service";
import { getDb } from "@/server/db";
import { maintenanceReminderJob } from "@/server/incidents/jobs";
import { digestJob, imapPollJob } from "@/server/email/jobs";
import { pageEscalationJob, slaWarningJob } from "@/server/on-call/jobs";
import { pausedRefreshJob } from "@/server/sla/paused";
import { webhookDeliveryJob } from "@/server/webhooks/jobs";
import { registerJob, startScheduler, type ScheduledJob } from "./service";

/** Every scheduled job of the product. */
export const JOBS: ScheduledJob[] = [
  attachmentSweepJob,
  pageEscalationJob,
  slaWarningJob,
  pausedRefreshJob,
  webhookDeliveryJob,
  digestJob,
  imapPollJob,
  maintenanceReminderJob,
];

/** Registers every job and starts this process's ticker. */
export function startJobs(): void {
  for (const job of JOBS) registerJob(job);
  startScheduler(getDb());
}
