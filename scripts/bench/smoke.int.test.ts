/**
 * The benchmark harness on a tiny dataset, so it cannot rot between real runs: the scale seed, the
 * SLA recompute, every entry's raw SQL against the real schema, and the micro-benchmarks. The HTTP
 * half needs a production build and runs only in `npm run bench`.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDb } from "@/db/migrate";
import { DEMO_PASSWORD } from "@/db/seed/demo";
import { seedScale, type ScaleSummary } from "@/db/seed/scale";
import { verifyPassword } from "@/server/auth/password";
import { openDb, type Db } from "@/server/db";
import { recomputeAll } from "@/server/sla/recompute";
import { callerAs } from "@/server/testing/db";
import { ENTRIES } from "./entries";
import { domainMicroBenchmarks, rawSqlTimings } from "./micro";

const ANCHOR = new Date("2026-11-20T00:00:00Z");
const file = path.join(os.tmpdir(), `attain-scale-smoke-${process.pid}-${Date.now()}.db`);
let db: Db;
let summary: ScaleSummary;

beforeAll(async () => {
  db = openDb(file);
  migrateDb(db);
  summary = await seedScale(db, {
    tickets: 600,
    articles: 400,
    organizations: 30,
    incidents: 5,
    anchor: ANCHOR,
    seed: 7,
    batchSize: 250,
  });
}, 60_000);

afterAll(() => {
  db.$client.close();
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
});

const count = (sql: string, ...params: unknown[]) => (db.$client.prepare(sql).get(...params) as { n: number }).n;

describe("the scale seed on a tiny dataset", () => {
  it("writes the requested tickets with event logs, organizations, articles with full-text rows and incidents", () => {
    expect(summary).toMatchObject({ tickets: 600, organizations: 30, articles: 400, incidents: 5 });
    expect(count(`SELECT count(*) AS n FROM tickets`)).toBe(600);
    expect(count(`SELECT count(*) AS n FROM ticket_events`)).toBe(summary.events);
    expect(count(`SELECT count(*) AS n FROM articles`)).toBe(400);
    expect(count(`SELECT count(*) AS n FROM articles_fts`)).toBe(400);
    expect(count(`SELECT count(DISTINCT slug || locale) AS n FROM articles`)).toBe(400);
    expect(count(`SELECT count(*) AS n FROM articles_fts WHERE articles_fts MATCH ?`, `"延迟"`)).toBeGreaterThan(0);
    expect(count(`SELECT count(*) AS n FROM incidents`)).toBe(5);
  });

  it("leaves a consistent file in WAL mode with every index of the schema rebuilt", () => {
    expect(db.$client.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.$client.pragma("foreign_key_check")).toEqual([]);
    const indexes = (
      db.$client.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'tickets'`).all() as {
        name: string;
      }[]
    ).map((r) => r.name);
    expect(indexes).toEqual(
      expect.arrayContaining([
        "tickets_open_due_idx",
        "tickets_open_counts_idx",
        "tickets_attainment_idx",
        "tickets_org_created_cover_idx",
        "tickets_org_status_priority_idx",
        "tickets_assignee_idx",
        "tickets_created_idx",
      ]),
    );
    expect(count(`SELECT count(*) AS n FROM sqlite_master WHERE name = 'ticket_events_ticket_idx'`)).toBe(1);
  });

  it("dev@nimbus.example signs in with the demo password at Nimbus Live, Enterprise, Americas", async () => {
    const row = db.$client
      .prepare(
        `SELECT u.password_hash AS hash, o.name, o.region, t.code FROM users u JOIN organizations o ON o.id = u.organization_id JOIN tiers t ON t.id = o.tier_id WHERE u.email = ?`,
      )
      .get("dev@nimbus.example") as { hash: string; name: string; region: string; code: string };
    expect(row).toMatchObject({ name: "Nimbus Live", region: "americas", code: "enterprise" });
    expect(await verifyPassword(DEMO_PASSWORD, row.hash)).toBe(true);
    expect(
      count(
        `SELECT count(*) AS n FROM users WHERE email IN ('ops@orbit.example', 'agent@attain.test', 'exec@attain.test', 'admin@attain.test')`,
      ),
    ).toBe(4);
  });

  it("stores SLA state that a recompute at the anchor finds without drift", () => {
    const report = recomputeAll(db.$client, { now: ANCHOR });
    expect(report).toMatchObject({ tickets: 600, drift: 0, aged: 0 });
  });
});

describe("the harness", () => {
  it("runs every entry's raw SQL against the schema and explains its plan", async () => {
    const timings = await rawSqlTimings(db.$client, ENTRIES, ANCHOR.getTime(), 10);
    expect(timings.map((t) => t.entry)).toEqual(ENTRIES.map((e) => e.name));
    for (const t of timings) {
      const entry = ENTRIES.find((e) => e.name === t.entry)!;
      expect(t.plans).toHaveLength(entry.rawSql.length);
      if (entry.rawSql.length > 0) expect(t.task?.p50Ms).toBeGreaterThanOrEqual(0);
    }
  });

  it("the review entry generates one review per request, and its reset lets the next run generate them again", async () => {
    const entry = ENTRIES.find((e) => e.name === "reviews.generate")!;
    const ctx = { now: ANCHOR.getTime(), user: null, seq: 0, csrfToken: "" };
    const inputs = Array.from(
      { length: entry.sequence!.requests },
      (_, seq) =>
        (JSON.parse(entry.body!({ ...ctx, seq })) as { json: { organizationId: number; quarter: string } }).json,
    );
    expect(new Set(inputs.map((i) => i.quarter)).size).toBe(inputs.length);
    const am = callerAs(db, "am@attain.test", new Date());
    for (const input of inputs) await am.reviews.generate(input);
    const reviewsOfOrg = () => count(`SELECT count(*) AS n FROM reviews WHERE organization_id = 1`);
    expect(reviewsOfOrg()).toBe(inputs.length);
    await expect(am.reviews.generate(inputs[0]!)).rejects.toMatchObject({ code: "CONFLICT" });
    db.$client.transaction(() => entry.sequence!.reset(db.$client))();
    expect(reviewsOfOrg()).toBe(0);
    await am.reviews.generate(inputs[0]!);
    expect(reviewsOfOrg()).toBe(1);
  });

  it("runs the domain micro-benchmarks", async () => {
    const tasks = await domainMicroBenchmarks(20);
    expect(tasks).toHaveLength(2);
    for (const t of tasks) expect(t.opsPerSec).toBeGreaterThan(0);
  });
});
