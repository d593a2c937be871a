import { afterAll, describe, expect, it } from "vitest";
import { callerFor, createTestDb } from "@/server/testing/db";
import { createOrganization, createStaffTeam, createTicket } from "@/server/testing/factories";
import { TEST_ANCHOR } from "@/server/testing/constants";
import { evaluateSla, METRICS, slaRiskState, type Priority } from "@/server/sla/evaluate";
import { loadTicketSlaInput } from "@/server/sla/service";
import { getAttainment } from "./attainment";
import { quarterPeriod } from "@/server/periods/periods";
import { rebuildRollups } from "./rollup-service";
import { countAtRisk } from "./service";
import { bruteForceAttainment, verifyAttainment } from "./verify";

const db = createTestDb();
const sqlite = db.$client;
afterAll(() => sqlite.close());
/** The staff who act here, and an Enterprise customer of the test's own who files the ticket the rollups follow. */
const team = createStaffTeam(db);
const customer = createOrganization(db, { tier: "enterprise", region: "americas" }).customers[0]!;

const MIN = 60_000;
const DAY = 86_400_000;
const Q3 = { kind: "quarter" as const, quarter: "2026-Q3" };
const at = (minutes: number) => new Date(TEST_ANCHOR.getTime() + minutes * MIN);

/** The rollup tables' content; cells whose counts went back to zero are left out, as a rebuild has none. */
const rollupTables = () =>
  [
    `SELECT * FROM ticket_sla_facts ORDER BY ticket_id`,
    `SELECT * FROM sla_rollups WHERE met + breached + excluded > 0 ORDER BY 1, 2, 3, 4, 5, 6`,
    `SELECT * FROM sla_breach_rollups WHERE breached > 0 ORDER BY 1, 2, 3, 4, 5, 6, 7`,
    `SELECT * FROM satisfaction_rollups WHERE ratings > 0 ORDER BY 1, 2, 3, 4, 5`,
  ].map((q) => sqlite.prepare(q).all());

describe("SLA attainment on the demo data", () => {
  it("matches a brute-force recomputation from every ticket's events, per tier, metric and priority, for last quarter and this one", () => {
    for (const [from, to] of [
      [quarterPeriod("2026-Q3").from, quarterPeriod("2026-Q3").to],
      [quarterPeriod("2026-Q4").from, quarterPeriod("2026-Q4").to],
      [new Date("2026-08-15T07:00:00Z"), new Date("2026-10-03T19:30:00Z")],
    ] as const) {
      const { cells, mismatches } = verifyAttainment(db, from, to, TEST_ANCHOR);
      expect(cells).toBe(3 * 3 * 4);
      expect(mismatches).toEqual([]);
    }
    const brute = bruteForceAttainment(sqlite, quarterPeriod("2026-Q3").from, quarterPeriod("2026-Q3").to, TEST_ANCHOR);
    const total = [...brute.values()].reduce((s, c) => s + c.met + c.breached, 0);
    const breached = [...brute.values()].reduce((s, c) => s + c.breached, 0);
    const excluded = [...brute.values()].reduce((s, c) => s + c.excluded, 0);
    // The demo has enough of each kind for the comparison to mean something.
    expect(total).toBeGreaterThan(300);
    expect(breached).toBeGreaterThan(10);
    expect(excluded).toBeGreaterThan(0);
  });

  it("a rollup cell that disagrees with the events is reported by the check", () => {
    const fresh = createTestDb();
    try {
      fresh.$client
        .prepare(
          `UPDATE sla_rollups SET met = met + 1 WHERE (metric, month, tier_id, region, priority, product_area) = (SELECT metric, month, tier_id, region, priority, product_area FROM sla_rollups WHERE month = '2026-08' AND metric = 'resolution' AND met > 0 ORDER BY tier_id, region, priority, product_area LIMIT 1)`,
        )
        .run();
      const q3 = quarterPeriod("2026-Q3");
      const { mismatches } = verifyAttainment(fresh, q3.from, q3.to, TEST_ANCHOR);
      expect(mismatches).toHaveLength(1);
      expect(mismatches[0]!.metric).toBe("resolution");
      expect(mismatches[0]!.dashboard.met).toBe(mismatches[0]!.events.met + 1);
    } finally {
      fresh.$client.close();
    }
  });

  it("a month later, targets still running past due count as breached, as the events say at that instant", () => {
    const later = new Date(TEST_ANCHOR.getTime() + 30 * DAY);
    const q4 = quarterPeriod("2026-Q4");
    const stored = getAttainment(db, { from: q4.from, to: q4.to });
    const now = getAttainment(db, { from: q4.from, to: q4.to, now: later });
    expect(now.byMetric.resolution.breached).toBeGreaterThan(stored.byMetric.resolution.breached);
    expect(verifyAttainment(db, q4.from, q4.to, later).mismatches).toEqual([]);
  });

  it("the per-organization figures (read from the facts) add up to the same rule as the brute force for Nimbus Live", () => {
    const q3 = quarterPeriod("2026-Q3");
    const org = getAttainment(db, { from: q3.from, to: q3.to, organizationId: 1, now: TEST_ANCHOR });
    const tier = getAttainment(db, { from: q3.from, to: q3.to, tierCode: "enterprise", now: TEST_ANCHOR });
    expect(org.byMetric.firstResponse.n).toBeGreaterThan(0);
    expect(org.byMetric.firstResponse.n).toBeLessThan(tier.byMetric.firstResponse.n);
  });
});

describe("tickets at risk now", () => {
  it("countAtRisk equals evaluating every open ticket's events with slaRiskState, overall and for Enterprise", () => {
    for (const tierCode of [undefined, "enterprise"] as const) {
      const open = sqlite
        .prepare(
          `SELECT t.id FROM tickets t JOIN organizations o ON o.id = t.organization_id JOIN tiers tr ON tr.id = o.tier_id
            WHERE t.status IN ('new','open','pending_customer','workaround_provided') AND t.exclusion_reason IS NULL AND t.outside_sla = 0 AND (? IS NULL OR tr.code = ?)`,
        )
        .all(tierCode ?? null, tierCode ?? null) as { id: number }[];
      let expected = 0;
      for (const { id } of open) {
        const input = loadTicketSlaInput(db, id);
        const outcomes = evaluateSla(input.events, input.targets, TEST_ANCHOR);
        const priority = (sqlite.prepare(`SELECT priority FROM tickets WHERE id = ?`).get(id) as { priority: Priority })
          .priority;
        const risky = METRICS.some((m) => {
          const o = outcomes[m];
          const target = input.targets[priority][m];
          return o && target && o.dueAt >= TEST_ANCHOR && slaRiskState(o, target, TEST_ANCHOR)?.state === "atRisk";
        });
        if (risky) expected++;
      }
      expect(expected).toBeGreaterThan(0);
      expect(countAtRisk(db, { tierCode }, TEST_ANCHOR)).toBe(expected);
    }
  });
});

describe("rollups kept by ticket writes", () => {
  it("after replies, a priority change, an exclusion, a resolution and a rating, the rollups equal a rebuild from scratch", async () => {
    const agent = callerFor(db, team.agent, at(1));
    const dev = callerFor(db, customer, at(0));
    const { id } = await dev.tickets.create({
      subject: "Video freezes on join",
      description: "Every second call freezes for ten seconds.",
      productArea: "video_calling",
      category: "functional_bug",
      priority: "P2",
    });
    const q4 = quarterPeriod("2026-Q4");
    const before = getAttainment(db, { from: q4.from, to: q4.to, tierCode: "enterprise" });
    await agent.tickets.changePriority({ ticketId: id, priority: "P1", reason: "Most users affected." });
    await callerFor(db, team.agent, at(5)).tickets.reply({ ticketId: id, body: "Looking into it now." });
    const afterReply = getAttainment(db, { from: q4.from, to: q4.to, tierCode: "enterprise" });
    expect(afterReply.byMetricPriority.firstResponse.P1.met).toBe(before.byMetricPriority.firstResponse.P1.met + 1);
    await callerFor(db, team.agent, at(60)).tickets.resolve({
      ticketId: id,
      kind: "fix",
      body: "Fixed in 4.2.1.",
    });
    await callerFor(db, customer, at(70)).tickets.rate({ ticketId: id, score: 4 });
    await callerFor(db, team.manager, at(80)).tickets.exclude({
      ticketId: id,
      reason: "third_party",
      note: "The CDN in front of the customer failed.",
    });
    const afterExclusion = getAttainment(db, { from: q4.from, to: q4.to, tierCode: "enterprise" });
    expect(afterExclusion.byMetricPriority.firstResponse.P1.met).toBe(before.byMetricPriority.firstResponse.P1.met);
    expect(afterExclusion.byMetricPriority.firstResponse.P1.excluded).toBe(
      before.byMetricPriority.firstResponse.P1.excluded + 1,
    );

    const kept = rollupTables();
    expect(kept[0]!.some((f) => (f as { ticket_id: number }).ticket_id === id)).toBe(true);
    rebuildRollups(sqlite);
    expect(rollupTables()).toEqual(kept);
  });
});

describe("the sla router", () => {
  it("an executive reads the dashboard whose tiles equal getAttainment for the period and the quarter before", async () => {
    const exec = callerFor(db, team.executive);
    const dash = await exec.sla.dashboard({ period: Q3, tierCode: "enterprise" });
    const q3 = quarterPeriod("2026-Q3");
    const q2 = quarterPeriod("2026-Q2");
    expect(dash.tiles.attainment.current).toEqual(
      getAttainment(db, { from: q3.from, to: q3.to, tierCode: "enterprise", now: TEST_ANCHOR }).byMetric,
    );
    expect(dash.tiles.attainment.previous).toEqual(
      getAttainment(db, { from: q2.from, to: q2.to, tierCode: "enterprise", now: TEST_ANCHOR }).byMetric,
    );
    const bands = dash.firstResponseBands.reduce((s, n) => s + n, 0);
    expect(bands).toBe(dash.tiles.attainment.current.firstResponse.n);
    // Bands 0-3 are met (within the target), 4-6 late.
    expect(dash.firstResponseBands.slice(0, 4).reduce((s, n) => s + n, 0)).toBe(
      dash.tiles.attainment.current.firstResponse.met,
    );
    const trend = await exec.sla.trend({ period: Q3 });
    expect(trend.months).toHaveLength(24);
    expect(trend.months.at(-1)).toBe("2026-09");
  });

  it("drilling into Enterprise P0 first-response breaches lists exactly the breached tickets the figure counts", async () => {
    const exec = callerFor(db, team.executive);
    const filter = {
      period: { kind: "custom" as const, fromMonth: "2025-01", toMonth: "2026-11" },
      tierCode: "enterprise" as const,
      priority: "P0" as const,
    };
    const dash = await exec.sla.dashboard(filter);
    const list = await exec.sla.tickets({ ...filter, metric: "firstResponse", outcome: "breached" });
    expect(list.total).toBe(dash.tiles.attainment.current.firstResponse.breached);
    expect(list.items.length).toBe(list.total);
    expect(list.total).toBeGreaterThan(0);
    for (const item of list.items)
      expect(item).toMatchObject({
        tierCode: "enterprise",
        priority: "P0",
        metric: "firstResponse",
        outcome: "breached",
      });
    const breakdown = dash.breaches.reduce((s, b) => s + b.breached, 0);
    expect(breakdown).toBe(dash.tiles.breaches.current);
  });

  it("a target that passes its due time after the minute began is counted by the figure and listed by the drill alike", async () => {
    const org = createOrganization(db, { tier: "enterprise", region: "americas" });
    const id = await createTicket(db, org.customers[0]!, { priority: "P0" }, TEST_ANCHOR);
    const due = evaluateSla(loadTicketSlaInput(db, id).events, loadTicketSlaInput(db, id).targets, TEST_ANCHOR)
      .firstResponse!.dueAt;
    // Half a minute after the first response fell due: the figures are read as of the minute's start.
    const now = new Date(Math.floor(due.getTime() / MIN) * MIN + 30_000);
    expect(now > due).toBe(true);
    const exec = callerFor(db, team.executive, now);
    const filter = { period: { kind: "month" as const, month: "2026-11" }, organizationId: org.id };
    const dash = await exec.sla.dashboard(filter);
    const list = await exec.sla.tickets({ ...filter, metric: "firstResponse", outcome: "breached" });
    expect(list.total).toBe(dash.tiles.attainment.current.firstResponse.breached);
    // A minute later both count it.
    const later = callerFor(db, team.executive, new Date(now.getTime() + MIN));
    const dashLater = await later.sla.dashboard(filter);
    expect(dashLater.tiles.attainment.current.firstResponse.breached).toBe(1);
    expect((await later.sla.tickets({ ...filter, metric: "firstResponse", outcome: "breached" })).total).toBe(1);
    // The figure read earlier, opened a minute later: its link carries the instant it was read at.
    expect(dash.asOf.getTime()).toBe(Math.floor(now.getTime() / MIN) * MIN);
    const asRead = {
      ...filter,
      metric: "firstResponse" as const,
      outcome: "breached" as const,
      asOf: dash.asOf.getTime(),
    };
    expect((await later.sla.tickets(asRead)).total).toBe(0);
    // Never later than now: an instant ahead reads as now does.
    expect((await exec.sla.tickets({ ...asRead, asOf: now.getTime() + DAY })).total).toBe(0);
  });

  it("customers, agents and anonymous visitors are refused the dashboards", async () => {
    await expect(callerFor(db, customer).sla.dashboard({ period: Q3 })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(callerFor(db, team.agent).sla.tickets({ period: Q3 })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(callerFor(db, null).sla.trend({ period: Q3 })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(callerFor(db, team.manager).sla.publish({ quarter: "2026-Q3" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("an executive publishes 2026-Q3; anyone then reads it with no customer names; other quarters are not found", async () => {
    const anonymous = callerFor(db, null);
    await expect(anonymous.sla.publishedReport({ quarter: "2026-Q3" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(db, team.executive).sla.publish({ quarter: "2026-Q4" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await callerFor(db, team.executive).sla.publish({ quarter: "2026-Q3" });
    const report = await anonymous.sla.publishedReport({ quarter: "2026-Q3" });
    expect(report.tiers.map((t) => t.code)).toEqual(["basic", "advanced", "enterprise"]);
    const q3 = quarterPeriod("2026-Q3");
    expect(report.tiers[2]!.metrics).toEqual(
      getAttainment(db, { from: q3.from, to: q3.to, tierCode: "enterprise", now: TEST_ANCHOR }).byMetric,
    );
    const text = JSON.stringify(report);
    for (const { name } of sqlite.prepare(`SELECT name FROM organizations`).all() as { name: string }[])
      expect(text).not.toContain(name);
    await expect(anonymous.sla.publishedReport({ quarter: "2026-Q2" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await callerFor(db, team.executive).sla.unpublish({ quarter: "2026-Q3" });
    await expect(anonymous.sla.publishedReport({ quarter: "2026-Q3" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
