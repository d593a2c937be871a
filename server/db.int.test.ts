import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { outbox } from "@/db/schema";
import { openDb } from "@/server/db";
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
