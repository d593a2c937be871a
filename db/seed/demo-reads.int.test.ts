import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/server/db";
import { callerAs } from "@/server/testing/db";
import { freshDemoDb } from "@/server/testing/demo-db";

/**
 * Every record of the demo opens, its output checked against the procedure's declared shape, for
 * staff and for the customer it belongs to. The demo holds every kind of event and state the product
 * writes (roadmap status changes, recategorized tickets, disputes, complaints, removed files), so a
 * page whose output shape does not admit one of them fails here instead of answering a 500.
 */
const demo = freshDemoDb("demo-reads");
let db: Db;
beforeAll(() => {
  db = demo();
});

const ids = (sql: string) => (db.$client.prepare(sql).all() as { id: number }[]).map((r) => r.id);
const failures: string[] = [];
async function opens(what: string, read: () => Promise<unknown>) {
  try {
    await read();
  } catch (e) {
    if (failures.length < 20) failures.push(`${what}: ${(e as Error).message.slice(0, 300)}`);
  }
}

describe("every record of the demo opens", () => {
  it("every ticket, for support and for its requester", async () => {
    const agent = callerAs(db, "agent@attain.test");
    const rows = db.$client
      .prepare("SELECT t.id, u.email FROM tickets t JOIN users u ON u.id = t.requester_id")
      .all() as { id: number; email: string }[];
    expect(rows.length).toBeGreaterThan(1000);
    const requesters = new Map<string, ReturnType<typeof callerAs>>();
    for (const { id, email } of rows) {
      await opens(`ticket ${id} (agent)`, () => agent.tickets.get({ id }));
      if (email.endsWith("@attain.test")) continue;
      const own = requesters.get(email) ?? callerAs(db, email);
      requesters.set(email, own);
      await opens(`ticket ${id} (${email})`, () => own.tickets.get({ id }));
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it("every review, incident, known issue and advisory, for staff", async () => {
    const admin = callerAs(db, "admin@attain.test");
    for (const id of ids("SELECT id FROM reviews")) await opens(`review ${id}`, () => admin.reviews.get({ id }));
    for (const id of ids("SELECT id FROM incidents")) await opens(`incident ${id}`, () => admin.incidents.get({ id }));
    for (const id of ids("SELECT id FROM known_issues"))
      await opens(`known issue ${id}`, () => admin.knownIssues.get({ id }));
    for (const id of ids("SELECT id FROM security_advisories"))
      await opens(`advisory ${id}`, () => admin.advisories.get({ id }));
    expect(failures).toEqual([]);
  }, 60_000);
});
