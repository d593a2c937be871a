import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { outbox } from "@/db/schema";
import { isPostgres, openDb } from "@/server/db";
import { createTestDb } from "@/server/testing/db";

// Every server worker (scripts/serve.mjs) has its own connection to one SQLite file. A deferred
// transaction that reads and then writes fails at once with SQLITE_BUSY (no busy wait) when
// another connection committed in between; so openDb makes every transaction take the write lock
// when it begins, and the other worker's write waits for it instead.
const one = createTestDb();
const two = openDb(one.$client.name);
afterAll(() => {
  two.$client.close();
  one.$client.close();
});

const mail = (subject: string) => ({ to: "dev@nimbus.example", subject, body: "Body", createdAt: new Date(0) });

describe("transactions of two server workers on one database", () => {
  it("a transaction that reads, then writes, commits even when the other worker tries to write in between", () => {
    two.$client.pragma("busy_timeout = 0");
    let otherWorker: unknown = null;
    one.transaction((tx) => {
      tx.select().from(outbox).limit(1).all();
      try {
        two.insert(outbox).values(mail("Written by the other worker meanwhile")).run();
      } catch (err) {
        otherWorker = err;
      }
      tx.insert(outbox).values(mail("Written after reading")).run();
    });
    two.$client.pragma("busy_timeout = 5000");
    // The other worker had to wait (here it had no patience: busy_timeout 0); with its usual 5 s it
    // writes once this transaction commits.
    expect(String(otherWorker)).toMatch(/SQLITE_BUSY|database is locked|lock timeout/);
    expect(one.select().from(outbox).where(eq(outbox.subject, "Written after reading")).all()).toHaveLength(1);
    two.insert(outbox).values(mail("Written by the other worker afterwards")).run();
    expect(
      one.select().from(outbox).where(eq(outbox.subject, "Written by the other worker afterwards")).all(),
    ).toHaveLength(1);
  });
});

// Drizzle prepares each query built for one call again; a SQLite handle keeps those statements by
// their text (server/db.ts). PostgreSQL's client keeps its own (decision 029).
describe.skipIf(isPostgres(one))("statements of one-call queries, kept by their text", () => {
  const prepared = () => {
    const seen: string[] = [];
    const prepare = one.$client.prepare.bind(one.$client);
    one.$client.prepare = ((text: string) => {
      seen.push(text);
      return prepare(text);
    }) as typeof one.$client.prepare;
    return { seen, restore: () => void (one.$client.prepare = prepare) };
  };

  it("the same query built twice is prepared once, and answers the same rows", () => {
    const spy = prepared();
    try {
      const query = () =>
        one.select({ id: outbox.id }).from(outbox).where(eq(outbox.to, "nobody-kept@example.com")).all();
      const first = query();
      one
        .insert(outbox)
        .values({ ...mail("Kept statement"), to: "nobody-kept@example.com" })
        .run();
      const second = query();
      expect(first).toEqual([]);
      expect(second).toHaveLength(1);
      expect(spy.seen.filter((t) => t.includes('from "outbox" where "outbox"."to"'))).toHaveLength(1);
    } finally {
      spy.restore();
    }
  });

  it("a statement Drizzle read as arrays answers objects to the next call of the same text", () => {
    // Drizzle reads a select with named columns as arrays (raw()); the same text run as plain SQL reads objects.
    const query = () => one.select({ id: outbox.id }).from(outbox).orderBy(outbox.id);
    expect(query().all()[0]).toEqual({ id: expect.any(Number) });
    expect(one.all(sql.raw(query().toSQL().sql))[0]).toEqual({ id: expect.any(Number) });
    expect(query().all()[0]).toEqual({ id: expect.any(Number) });
  });

  it("a statement prepared on purpose stays its holder's own", () => {
    const query = one.select({ id: outbox.id }).from(outbox).limit(1);
    const held = query.prepare();
    query.all();
    // The one-call query did not hand out (and reset) the held statement.
    expect(held.all()).toEqual(query.all());
    expect(held.values()[0]).toEqual([expect.any(Number)]);
    expect(query.all()[0]).toEqual({ id: expect.any(Number) });
  });
});
