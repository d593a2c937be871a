import { execFileSync } from "node:child_process";
import { fileTicket } from "../api";
import { expect, signInAs, test } from "../fixtures";

// Two portal servers, each its own process with its own read cache and scheduler, on one
// PostgreSQL database: the suite's demo server and a second one (playwright.config.ts, run on
// PostgreSQL by npm test; decision 029).
const A = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;
const B = process.env.E2E_SECOND_URL!;

/** The rows of a query on the servers' database, through psql (unaligned, tab-separated). */
const rowsOf = (sql: string): string[][] =>
  execFileSync("psql", [process.env.E2E_DB!, "-tAF", "\t", "-c", sql], { encoding: "utf8" })
    .split("\n")
    .filter(Boolean)
    .map((line) => line.split("\t"));

test("[SCALE] a ticket filed through one web server is in the agent's queue on the other at once", async ({
  browser,
}) => {
  const agent = await browser.newPage({ baseURL: B });
  await signInAs(agent, "agent@attain.test");
  const subject = `Two servers ${Date.now()}: video freezes on reconnect`;
  // The agent's queue is read (and cached) on B before the ticket exists.
  await agent.goto("/queue?sort=newest");
  await expect(agent.getByRole("heading", { level: 1, name: "Queue" })).toBeVisible();
  await expect(agent.getByText(subject)).toHaveCount(0);

  const customer = await browser.newPage({ baseURL: A });
  await signInAs(customer, "dev@nimbus.example");
  const id = await fileTicket(customer, subject, { priority: "P1" });
  await customer.goto(`/tickets/${id}`);
  await expect(customer.getByRole("heading", { name: subject })).toBeVisible();

  // The very next read on B shows it: the other server's write moved the data version.
  await agent.goto("/queue?sort=newest");
  await expect(agent.getByRole("link", { name: `#${id} ${subject}` })).toBeVisible();
  await agent.goto(`/tickets/${id}`);
  await expect(agent.getByRole("heading", { name: subject })).toBeVisible();
  await agent.screenshot({ path: "test-results/postgres-two-servers-ticket.png", fullPage: true });
});

test("[SCALE] each scheduled job runs on one server at a time: no pass runs twice", async ({ page }) => {
  // Both servers tick every 10 s from their start; the jobs that run every minute or less often
  // must have run once by now, not once per server.
  await page.goto(`${A}/signin`);
  await expect
    .poll(() => Number(rowsOf("SELECT count(*) FROM scheduled_jobs WHERE runs > 0")[0]![0]), { timeout: 30_000 })
    .toBeGreaterThanOrEqual(5);
  const elapsedMs = Date.now() - Number(rowsOf("SELECT min(last_started_at) FROM scheduled_jobs")[0]![0]);
  // The jobs' intervals (server/scheduler/jobs.ts); a pass run by both servers would exceed them.
  const every: Record<string, number> = {
    "webhooks.deliver": 10_000,
    "on-call.escalate": 30_000,
    "on-call.sla-warnings": 60_000,
    "email.imap-poll": 60_000,
    "incidents.maintenance-reminders": 60_000,
    "email.digest": 86_400_000,
    "attachments.sweep": 900_000,
  };
  const rows = rowsOf("SELECT name, runs, lease_holder FROM scheduled_jobs ORDER BY name");
  expect(rows.length).toBeGreaterThanOrEqual(5);
  for (const [name, runs] of rows) {
    const most = 1 + Math.floor(elapsedMs / (every[name!] ?? 10_000));
    expect(Number(runs), `${name} ran ${runs} times in ${Math.round(elapsedMs / 1000)} s`).toBeLessThanOrEqual(most);
  }
});
