import { afterAll, describe, expect, it } from "vitest";
import { callerAs, createTestDb } from "@/server/testing/db";
import { TEST_ANCHOR } from "@/server/testing/constants";
import { METRICS, PRIORITIES } from "@/server/sla/evaluate";

const db = createTestDb();
afterAll(() => db.$client.close());

const EXEC = "exec@attain.test";
const ORGS = [
  { email: "dev@nimbus.example", name: "Nimbus Live" },
  { email: "ops@orbit.example", name: "Orbit Chat" },
] as const;

const orgId = (name: string) =>
  (db.$client.prepare("select id from organizations where name = ?").get(name) as { id: number }).id;

describe("Our service (/organization/sla)", () => {
  for (const o of ORGS) {
    for (const quarter of ["2026-Q3", "2026-Q4"]) {
      it(`${o.name}'s figures for ${quarter} equal the executive dashboard's for the same organization and period, month by month and for the quarter`, async () => {
        const mine = await callerAs(db, o.email).sla.ourService({ quarter });
        const exec = callerAs(db, EXEC);
        const organizationId = orgId(o.name);
        expect(mine.organization.id).toBe(organizationId);
        expect(mine.columns.map((c) => c.key)).toEqual(
          quarter === "2026-Q3" ? ["2026-07", "2026-08", "2026-09", "2026-Q3"] : ["2026-10", "2026-11", "2026-Q4"],
        );
        let n = 0;
        for (const col of mine.columns) {
          const d = await exec.sla.dashboard({ period: col.period, organizationId });
          expect(col.byMetric).toEqual(d.tiles.attainment.current);
          for (const p of PRIORITIES)
            for (const m of METRICS) {
              const rows = d.heatmap.filter((h) => h.priority === p).map((h) => h.byMetric[m]);
              expect(col.byPriority[p][m].met).toBe(rows.reduce((s, f) => s + f.met, 0));
              expect(col.byPriority[p][m].breached).toBe(rows.reduce((s, f) => s + f.breached, 0));
              expect(col.byPriority[p][m].excluded).toBe(rows.reduce((s, f) => s + f.excluded, 0));
            }
          n += METRICS.reduce((s, m) => s + col.byMetric[m].n, 0);
        }
        expect(n).toBeGreaterThan(0);
        // Availability credits: as many months owed a credit as the dashboard counts for the organization.
        const a = await exec.sla.availability({ period: { kind: "quarter", quarter }, organizationId });
        expect(mine.credits.filter((c) => c.availabilityCreditPercent > 0).length).toBe(a.creditsOwed.current);
        // And each month's availability and credit equal the status page's (the last six months).
        const status = await exec.availability.status({ organizationId });
        for (const c of mine.credits) {
          const s = status.months.find((m) => m.month === c.month)!;
          expect([c.availability, c.availabilityCreditPercent]).toEqual([s.availability, s.creditPercent]);
        }
      });
    }
  }

  it("an Enterprise contract with support-target credits earns 2 % per breached P0/P1 target, at most 10 % a month; a Basic one earns none", async () => {
    const nimbus = await callerAs(db, "dev@nimbus.example").sla.ourService({ quarter: "2026-Q3" });
    expect(nimbus.organization.supportCreditTerms).toEqual({
      percentPerBreach: 2,
      capPercent: 10,
      priorities: ["P0", "P1"],
    });
    for (const c of nimbus.credits) {
      const col = nimbus.columns.find((x) => x.key === c.month)!;
      const breaches = (["P0", "P1"] as const).reduce(
        (s, p) => s + METRICS.reduce((t, m) => t + col.byPriority[p][m].breached, 0),
        0,
      );
      expect(c.supportBreaches).toBe(breaches);
      expect(c.supportCreditPercent).toBe(Math.min(10, 2 * breaches));
      expect(c.supportCreditCents).toBe(
        Math.round((nimbus.organization.monthlyFeeCents * c.supportCreditPercent) / 100),
      );
    }
    const orbit = await callerAs(db, "ops@orbit.example").sla.ourService({ quarter: "2026-Q3" });
    expect(orbit.organization.tierCode).toBe("basic");
    expect(orbit.organization.supportCreditTerms).toBeNull();
    expect(orbit.credits.every((c) => c.supportCreditPercent === 0)).toBe(true);
  });

  it("a customer's page and drill-down name no other organization and list only their own tickets", async () => {
    const others = (
      db.$client.prepare("select name from organizations where name <> 'Nimbus Live'").all() as {
        name: string;
      }[]
    ).map((r) => r.name);
    expect(others.length).toBeGreaterThan(5);
    const me = callerAs(db, "dev@nimbus.example");
    for (const quarter of ["2026-Q3", "2026-Q4"]) {
      const text = JSON.stringify(await me.sla.ourService({ quarter }));
      for (const name of others) expect(text).not.toContain(name);
      const list = await me.sla.ourServiceTickets({ quarter, limit: 500 });
      expect(list.items.length).toBeGreaterThan(0);
      const ids = list.items.map((i) => i.ticketId);
      const owners = db.$client
        .prepare(`select distinct organization_id as o from tickets where id in (${ids.map(() => "?").join(",")})`)
        .all(...ids) as { o: number }[];
      expect(owners).toEqual([{ o: orgId("Nimbus Live") }]);
      expect(new Set(list.items.map((i) => i.organization))).toEqual(new Set(["Nimbus Live"]));
    }
  });

  it("the drill-down lists the tickets behind a figure: as many breached first-response targets as the page counts", async () => {
    const me = callerAs(db, "dev@nimbus.example");
    const page = await me.sla.ourService({ quarter: "2026-Q3" });
    const q = page.columns.find((c) => c.kind === "quarter")!;
    const list = await me.sla.ourServiceTickets({ quarter: "2026-Q3", metric: "resolution", outcome: "breached" });
    expect(list.total).toBe(q.byMetric.resolution.breached);
    const p1 = await me.sla.ourServiceTickets({
      quarter: "2026-Q3",
      priority: "P1",
      metric: "firstResponse",
      outcome: "met",
    });
    expect(p1.total).toBe(q.byPriority.P1.firstResponse.met);
  });

  it("a figure's link carries the instant the page was read at, and its list reads as of then", async () => {
    const me = callerAs(db, "dev@nimbus.example");
    const page = await me.sla.ourService({ quarter: "2026-Q4" });
    expect(page.asOf).toEqual(TEST_ANCHOR);
    const q = page.columns.find((c) => c.kind === "quarter")!;
    const drill = { quarter: "2026-Q4", metric: "firstResponse" as const, outcome: "breached" as const };
    const asRead = await me.sla.ourServiceTickets({ ...drill, at: page.asOf.getTime() });
    expect(asRead.total).toBe(q.byMetric.firstResponse.breached);
    // The link's parameter arrives as text; an instant ahead of now reads as now does.
    expect(
      (await me.sla.ourServiceTickets({ ...drill, at: String(TEST_ANCHOR.getTime() + 86_400_000) as never })).total,
    ).toBe(asRead.total);
  });

  it("staff have no 'our service' of their own", async () => {
    await expect(callerAs(db, EXEC).sla.ourService({})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("is read at the fixed anchor", () => {
    expect(TEST_ANCHOR.toISOString()).toBe("2026-11-20T12:00:00.000Z");
  });
});
