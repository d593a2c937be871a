/** The on-call capability's scheduled jobs (listed in server/scheduler/jobs.ts). */
import type { ScheduledJob } from "@/server/scheduler/service";
import { escalateDuePages } from "./paging-service";
import { warnDueTargets } from "./warnings-service";

/** Re-pages and escalates unacknowledged pages whose time has come (every 30 s: a page is at most that late). */
export const pageEscalationJob: ScheduledJob = {
  name: "on-call.escalate",
  everyMs: 30_000,
  run: (db, now) => {
    escalateDuePages(db, now);
  },
};

/** At-risk and breach warnings, every minute (each target warned once; catches up from the watermark). */
export const slaWarningJob: ScheduledJob = {
  name: "on-call.sla-warnings",
  everyMs: 60_000,
  run: (db, now, { since }) => {
    warnDueTargets(db, now, since);
  },
};
