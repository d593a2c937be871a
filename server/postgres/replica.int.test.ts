import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/server/db";
import { computeTierOverview, getTierOverview } from "@/server/home/service";
import { attachReplica, type Replica } from "@/server/postgres/replica";
import { TEST_ANCHOR, TEST_POSTGRES_URL } from "@/server/testing/constants";
import { callerAs, createTestDb } from "@/server/testing/db";
import { startReplica } from "../../scripts/postgres.mjs";

// A streaming replica of the test cluster (decision 030): the dashboards' heavy reads go to it when
// it has replayed every write, and the portal keeps serving from the primary when it is stopped.
describe.runIf(TEST_POSTGRES_URL)("[SCALE] a PostgreSQL read replica", () => {
  let db: Db;
  let standby: { url: string; stop: () => void; remove: () => void };
  let replica: Replica;
  const database = () => db.$client.name.slice(db.$client.name.lastIndexOf("/") + 1);

  beforeAll(() => {
    db = createTestDb();
    const port = Number(new URL(TEST_POSTGRES_URL!).port) + 1;
    standby = startReplica({ primaryUrl: TEST_POSTGRES_URL!, port });
    replica = attachReplica(db, `${standby.url}/${database()}`, openDb);
  }, 120_000);
  afterAll(() => {
    replica.db?.$client.close();
    standby?.remove();
    db?.$client.close();
  });

  /** Waits until the replica has replayed the primary's current version, as streaming replication does in milliseconds. */
  const caughtUp = async () => {
    const want = db.$client.pragma("data_version", { simple: true });
    const standbyDb = openDb(`${standby.url}/${database()}`);
    try {
      for (let i = 0; i < 100 && standbyDb.$client.pragma("data_version", { simple: true }) !== want; i++)
        await new Promise((r) => setTimeout(r, 50));
    } finally {
      standbyDb.$client.close();
    }
  };

  it("a heavy read is answered by the replica once it has every write, with exactly the primary's figures", async () => {
    await caughtUp();
    const before = replica.served;
    const tiers = getTierOverview(db, TEST_ANCHOR);
    expect(replica.served).toBe(before + 1);
    expect(tiers).toEqual(computeTierOverview(db, TEST_ANCHOR));
    // The dashboard through tRPC, as the executive reads it.
    await caughtUp();
    const exec = callerAs(db, "exec@attain.test");
    const dashboard = await exec.sla.dashboard({ period: { kind: "quarter", quarter: "2026-Q3" } });
    expect(replica.served).toBe(before + 2);
    expect(dashboard.tiles.attainment.current).toBeDefined();
  });

  it("a write the replica has not replayed yet is never read from it: the primary answers", async () => {
    const customer = callerAs(db, "dev@nimbus.example");
    await customer.tickets.create({
      subject: "Replica lag check: audio drops",
      description: "Calls drop after two minutes on Android.",
      productArea: "voice_calling",
      category: "functional_bug",
      priority: "P2",
    });
    // Read at once: either the replica already has the ticket (it is exact) or the primary answers.
    const tiers = getTierOverview(db, new Date(TEST_ANCHOR.getTime() + 60_000));
    expect(tiers).toEqual(computeTierOverview(db, new Date(TEST_ANCHOR.getTime() + 60_000)));
  });

  it("with the replica stopped the portal keeps serving the dashboards from the primary", async () => {
    standby.stop();
    const fellBack = replica.fellBack;
    const at = new Date(TEST_ANCHOR.getTime() + 120_000);
    expect(getTierOverview(db, at)).toEqual(computeTierOverview(db, at));
    expect(replica.fellBack).toBe(fellBack + 1);
    const exec = callerAs(db, "exec@attain.test");
    const dashboard = await exec.sla.dashboard({ period: { kind: "quarter", quarter: "2026-Q2" } });
    expect(dashboard.tiles.attainment.current).toBeDefined();
  });
});
