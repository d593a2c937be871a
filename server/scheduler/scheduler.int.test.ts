import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { scheduledJobs } from "@/db/schema";
import { openDb } from "@/server/db";
import { createTestDb } from "@/server/testing/db";
import { runDueJobs, runJobIfDue, type JobContext, type ScheduledJob } from "./service";

const at = (iso: string) => new Date(iso);
const MINUTE = 60_000;

function recordingJob(name: string, everyMs = MINUTE) {
  const calls: { now: Date; since: Date | null }[] = [];
  const job: ScheduledJob = {
    name,
    everyMs,
    run: (_db, now, ctx: JobContext) => void calls.push({ now, since: ctx.since }),
  };
  return { job, calls };
}

describe("scheduler", () => {
  it("two workers ticking at the same instant run a job once", async () => {
    const db = createTestDb();
    const other = openDb(db.$client.name);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let runs = 0;
    const job: ScheduledJob = {
      name: "test.once",
      everyMs: MINUTE,
      run: async () => {
        runs += 1;
        await gate;
      },
    };
    const now = at("2026-03-01T00:00:00Z");
    const first = runDueJobs(db, now, { holder: "worker-1", jobs: [job] });
    const second = await runDueJobs(other, now, { holder: "worker-2", jobs: [job] });
    expect(second).toEqual([{ name: "test.once", outcome: "skipped" }]);
    release();
    expect(await first).toEqual([{ name: "test.once", outcome: "ran" }]);
    expect(runs).toBe(1);
    const row = db.select().from(scheduledJobs).where(eq(scheduledJobs.name, "test.once")).get();
    expect(row).toMatchObject({ runUpTo: now, leaseHolder: null, runs: 1, failures: 0 });
    other.$client.close();
  });

  it("records how long a pass took, by the clock it is given", async () => {
    const db = createTestDb();
    let t = at("2026-03-01T00:00:00Z").getTime();
    const job: ScheduledJob = { name: "test.timed", everyMs: MINUTE, run: () => void (t += 250) };
    await runDueJobs(db, new Date(t), { jobs: [job], clock: () => new Date(t) });
    const row = db.select().from(scheduledJobs).where(eq(scheduledJobs.name, "test.timed")).get();
    expect(row).toMatchObject({ lastDurationMs: 250, lastFinishedAt: at("2026-03-01T00:00:00.250Z") });
  });

  it("a restarted process resumes from the watermark: no pass repeats, and downtime is caught up in one pass", async () => {
    const db = createTestDb();
    const { job, calls } = recordingJob("test.watermark");
    await runDueJobs(db, at("2026-03-01T00:00:00Z"), { holder: "before-restart", jobs: [job] });
    await runDueJobs(db, at("2026-03-01T00:00:30Z"), { holder: "before-restart", jobs: [job] });
    // "Restart": a new connection and holder, three hours later.
    const restarted = openDb(db.$client.name);
    await runDueJobs(restarted, at("2026-03-01T03:00:00Z"), { holder: "after-restart", jobs: [job] });
    await runDueJobs(restarted, at("2026-03-01T03:00:10Z"), { holder: "after-restart", jobs: [job] });
    expect(calls).toEqual([
      { now: at("2026-03-01T00:00:00Z"), since: null },
      { now: at("2026-03-01T03:00:00Z"), since: at("2026-03-01T00:00:00Z") },
    ]);
    restarted.$client.close();
  });

  it("a failed pass keeps the watermark and its error, and the next tick retries it", async () => {
    const db = createTestDb();
    let fail = true;
    const seen: (Date | null)[] = [];
    const job: ScheduledJob = {
      name: "test.flaky",
      everyMs: MINUTE,
      run: (_db, _now, { since }) => {
        seen.push(since);
        if (fail) throw new Error("mail server down");
      },
    };
    await runDueJobs(db, at("2026-03-01T00:00:00Z"), { holder: "w", jobs: [job] });
    expect(db.select().from(scheduledJobs).where(eq(scheduledJobs.name, "test.flaky")).get()).toMatchObject({
      runUpTo: null,
      lastError: "mail server down",
      failures: 1,
      leaseHolder: null,
    });
    fail = false;
    const outcome = await runDueJobs(db, at("2026-03-01T00:00:10Z"), { holder: "w", jobs: [job] });
    expect(outcome[0]?.outcome).toBe("ran");
    expect(seen).toEqual([null, null]);
  });

  it("a worker that died holding a job blocks it until its lease runs out, then another worker takes over", async () => {
    const db = createTestDb();
    const { job, calls } = recordingJob("test.takeover");
    const leased = { ...job, leaseMs: 2 * MINUTE };
    db.insert(scheduledJobs)
      .values({ name: "test.takeover", leaseHolder: "dead-worker", leaseExpiresAt: at("2026-03-01T00:02:00Z") })
      .run();
    expect((await runJobIfDue(db, leased, at("2026-03-01T00:01:59Z"), "w2")).outcome).toBe("skipped");
    expect((await runJobIfDue(db, leased, at("2026-03-01T00:02:00Z"), "w2")).outcome).toBe("ran");
    expect(calls).toHaveLength(1);
  });

  it("a pass that outlived its lease and was taken over does not move the new holder's watermark", async () => {
    const db = createTestDb();
    const other = openDb(db.$client.name);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow: ScheduledJob = { name: "test.slow", everyMs: MINUTE, leaseMs: MINUTE, run: () => gate };
    const quick: ScheduledJob = { ...slow, run: () => {} };
    const stuck = runJobIfDue(db, slow, at("2026-03-01T00:00:00Z"), "slow-worker");
    expect((await runJobIfDue(other, quick, at("2026-03-01T00:05:00Z"), "fresh-worker")).outcome).toBe("ran");
    release();
    await stuck;
    expect(db.select().from(scheduledJobs).where(eq(scheduledJobs.name, "test.slow")).get()?.runUpTo).toEqual(
      at("2026-03-01T00:05:00Z"),
    );
    other.$client.close();
  });
});
