/** The webhook delivery job (listed in server/scheduler/jobs.ts). */
import type { ScheduledJob } from "@/server/scheduler/service";
import { deliverWebhooks } from "./service";

/** Sends queued webhook deliveries whose time has come, every 10 s (the scheduler's tick). */
export const webhookDeliveryJob: ScheduledJob = {
  name: "webhooks.deliver",
  everyMs: 10_000,
  run: async (db) => {
    await deliverWebhooks(db, () => new Date());
  },
};
