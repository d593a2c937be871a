/**
 * Runs once when each server process starts (Next.js instrumentation hook). With SMTP configured,
 * a delivery pass picks up what a worker that stopped or died left in the outbox: retries whose
 * timers were in that process, and messages it had claimed (retried when the claim runs out). An
 * installation without an administrator gets its setup token, printed by the process that issued it.
 * Every process starts the SMTP listener (SMTP_LISTEN; the cluster's workers share its port) and the
 * scheduler's ticker; each job runs in one process at a time (server/scheduler).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { deliverOnStart } = await import("@/server/notifications/mailer");
  deliverOnStart();
  const { announceSetup } = await import("@/server/identity/setup-on-start");
  announceSetup();
  const { startMailOnStart } = await import("@/server/email/start");
  startMailOnStart();
  const { startJobs } = await import("@/server/scheduler/jobs");
  startJobs();
}
