import { spawnSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { isPostgres } from "@/server/db";
import { toPostgres } from "@/server/postgres/translate";
import { callerFor, createTestDb } from "@/server/testing/db";
import { createOrganization, createStaff, createTicket } from "@/server/testing/factories";

// With scripts/serve.mjs every worker is a process with its own connection and its own read cache.
// A commit by another process must change PRAGMA data_version on this connection, so that the next
// cached read here is recomputed (docs/decisions/013 and 018).
const db = createTestDb();
afterAll(() => db.$client.close());

/** The test's own tickets, told apart in the queue by their App ID. */
const APP_ID = "read-cache-processes";
const customer = createOrganization(db, { tier: "enterprise", region: "americas" }).customers[0]!;
const agent = callerFor(db, createStaff(db, "agent"));
for (const priority of ["P1", "P2"] as const) await createTicket(db, customer, { priority, fault: { appId: APP_ID } });

/**
 * Runs SQL in a separate Node process on the same database: the file (WAL, as the server opens it),
 * or on PostgreSQL a bare libpq connection (a writer that is not the portal at all).
 */
function inAnotherProcess(sql: string, ...params: (string | number)[]): number {
  const script = isPostgres(db)
    ? `
    const PQ = require("libpq");
    const pq = new PQ();
    pq.connectSync(process.argv[1]);
    pq.execParams(process.argv[2], JSON.parse(process.argv[3]).map(String));
    if (pq.resultStatus() !== "PGRES_COMMAND_OK") throw new Error(pq.resultErrorMessage());
    process.stdout.write(pq.cmdTuples());
    pq.finish();`
    : `
    const Database = require("better-sqlite3");
    const db = new Database(process.argv[1]);
    db.pragma("journal_mode = WAL");
    db.pragma("busy_timeout = 5000");
    const info = db.prepare(process.argv[2]).run(...JSON.parse(process.argv[3]));
    db.close();
    process.stdout.write(String(info.changes));`;
  const statement = isPostgres(db) ? toPostgres(sql).sql : sql;
  const res = spawnSync(process.execPath, ["-e", script, db.$client.name, statement, JSON.stringify(params)], {
    encoding: "utf8",
    cwd: process.cwd(),
  });
  if (res.status !== 0) throw new Error(`the other process failed: ${res.stderr}`);
  return Number(res.stdout);
}

describe("the read cache across server processes", () => {
  it("a ticket closed by another process leaves the agent's queue on the next read here", async () => {
    const before = await agent.tickets.queue({ appId: APP_ID });
    expect(before.total).toBe(2);
    expect((await agent.tickets.queue({ appId: APP_ID })).total).toBe(before.total);
    const first = [...before.due.items, ...before.breached.items][0]!;
    expect(inAnotherProcess("UPDATE tickets SET status = 'closed' WHERE id = ?", first.id)).toBe(1);
    const after = await agent.tickets.queue({ appId: APP_ID });
    expect(after.total).toBe(before.total - 1);
    expect([...after.due.items, ...after.breached.items].map((t) => t.id)).not.toContain(first.id);
  });

  it("a change by another process that this process had read before is seen at once, each time", async () => {
    const ticket = (await agent.tickets.queue({ appId: APP_ID })).due.items.concat(
      (await agent.tickets.queue({ appId: APP_ID })).breached.items,
    )[0]!;
    for (const priority of ["P0", "P3", "P1"] as const) {
      expect(inAnotherProcess("UPDATE tickets SET priority = ? WHERE id = ?", priority, ticket.id)).toBe(1);
      const page = await agent.tickets.queue({ appId: APP_ID });
      const row = [...page.due.items, ...page.breached.items].find((t) => t.id === ticket.id);
      expect(row?.priority).toBe(priority);
    }
  });
});
