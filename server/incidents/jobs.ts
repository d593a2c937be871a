/** The maintenance reminder job (listed in server/scheduler/jobs.ts). */
import type { ScheduledJob } from "@/server/scheduler/service";
import { scheduleOutboxDelivery } from "@/server/notifications/mailer";
import { sendDueReminders } from "./notices";

/** Reminds subscribers an hour before planned maintenance, checked every minute. */
export const maintenanceReminderJob: ScheduledJob = {
  name: "incidents.maintenance-reminders",
  everyMs: 60_000,
  run: (db, now) => {
    if (sendDueReminders(db, now) > 0) scheduleOutboxDelivery(db, () => new Date());
  },
};
