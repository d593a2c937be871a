import { TRPCError } from "@trpc/server";
import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { auditLog, incidents, organizations, proactiveAlerts, tickets } from "@/db/schema";
import type { Db } from "@/server/db";
import { TEST_ANCHOR } from "@/server/testing/constants";
import { callerFor, createTestDb } from "@/server/testing/db";
import { createOrganization, createStaffTeam } from "@/server/testing/factories";

const MIN = 60_000;

/** Each test's own organizations and staff: an Enterprise one in the Americas (two customers), a Basic one in China. */
function people(d: Db) {
  const enterprise = createOrganization(d, { tier: "enterprise", region: "americas", customers: 2 });
  const basic = createOrganization(d, { tier: "basic", region: "china" });
  return { enterprise, basic, ...createStaffTeam(d) };
}

let db: Db;
let P: ReturnType<typeof people>;
beforeEach(() => {
  db = createTestDb();
  P = people(db);
});
/** A caller acting as the Enterprise organization's first customer. */
const enterpriseCustomer = () => callerFor(db, P.enterprise.customers[0]!);
/** A caller acting as the Basic organization's customer. */
const basicCustomer = () => callerFor(db, P.basic.customers[0]!);

const count = (table: typeof incidents | typeof auditLog | typeof proactiveAlerts | typeof tickets) =>
  db
    .select({ n: sql<number>`count(*)` })
    .from(table)
    .get()!.n;

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "OK";
  } catch (err) {
    if (err instanceof TRPCError) return err.code;
    throw err;
  }
}

const outage = (over: Record<string, unknown> = {}) => ({
  title: "Signalling errors in Shanghai",
  productArea: "voice_calling" as const,
  regions: ["china" as const],
  severity: "major" as const,
  startedAt: new Date(TEST_ANCHOR.getTime() - 120 * MIN),
  endedAt: new Date(TEST_ANCHOR.getTime() - 60 * MIN),
  planned: false,
  announcedAt: null,
  allOrganizations: true,
  organizationIds: [] as number[],
  summary: "Calls in China failed to connect for an hour.",
  ...over,
});

describe("who sees which incidents", () => {
  it("a customer sees only incidents that affected its organization, in the list, by id and on the status page", async () => {
    const agent = callerFor(db, P.agent);
    const china = await agent.incidents.create(outage());
    const listedForOrbit = await agent.incidents.create(
      outage({
        title: "Orbit-only relay fault",
        regions: ["americas"],
        allOrganizations: false,
        organizationIds: [P.basic.id],
      }),
    );
    const americas = await agent.incidents.create(outage({ title: "US West packet loss", regions: ["americas"] }));

    const nimbus = enterpriseCustomer();
    const nimbusIds = (await nimbus.incidents.list({ limit: 500 })).map((i) => i.id);
    expect(nimbusIds).toContain(americas.id);
    expect(nimbusIds).not.toContain(china.id);
    expect(nimbusIds).not.toContain(listedForOrbit.id);
    // Filters cannot widen a customer's view.
    expect(
      (await nimbus.incidents.list({ region: "china", organizationId: P.basic.id, limit: 500 })).map((i) => i.id),
    ).not.toContain(china.id);
    expect(await codeOf(nimbus.incidents.get({ id: china.id }))).toBe("NOT_FOUND");
    expect(await codeOf(nimbus.incidents.get({ id: listedForOrbit.id }))).toBe("NOT_FOUND");
    const nimbusView = await nimbus.incidents.get({ id: americas.id });
    expect(nimbusView.affectedOrganizations).toEqual([]);
    expect(nimbusView.createdBy).toBeNull();

    const orbit = basicCustomer();
    const orbitIds = (await orbit.incidents.list({ limit: 500 })).map((i) => i.id);
    expect(orbitIds).toEqual(expect.arrayContaining([china.id, listedForOrbit.id]));
    expect(orbitIds).not.toContain(americas.id);

    // The status page is always the caller's own organization, whatever id is passed.
    const status = await orbit.availability.status({ organizationId: P.enterprise.id });
    expect(status.organization.name).toBe(P.basic.name);
    const november = status.months.find((m) => m.month === "2026-11")!;
    expect(november.incidentIds).toEqual(expect.arrayContaining([china.id, listedForOrbit.id]));
    expect(november.incidentIds).not.toContain(americas.id);
    expect(status.incidents.map((i) => i.id)).not.toContain(americas.id);
  });

  it("staff of every role read incidents and any organization's status; only staff see credits owed", async () => {
    for (const who of [P.agent, P.account_manager, P.executive, P.admin]) {
      const s = await callerFor(db, who).availability.status({ organizationId: P.enterprise.id });
      expect(s.organization.name).toBe(P.enterprise.name);
    }
    expect(await codeOf(enterpriseCustomer().availability.credits({ months: 6 }))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(db, null).incidents.list({ limit: 10 }))).toBe("UNAUTHORIZED");
  });
});

describe("an incident's updates", () => {
  it("staff and the affected customer read them newest first, the ending update at the top", async () => {
    const at = (minutes: number) => new Date(TEST_ANCHOR.getTime() + minutes * MIN);
    const { id } = await callerFor(db, P.agent).incidents.create(
      outage({ title: "US West packet loss", regions: ["americas"], endedAt: null }),
    );
    await callerFor(db, P.agent, at(5)).incidents.addUpdate({ incidentId: id, body: "Investigating packet loss." });
    await callerFor(db, P.agent, at(20)).incidents.addUpdate({ incidentId: id, body: "Traffic rerouted." });
    // Two updates in the same instant keep the order they were posted in, the later one first.
    await callerFor(db, P.agent, at(20)).incidents.addUpdate({ incidentId: id, body: "Error rates falling." });
    await callerFor(db, P.agent, at(45)).incidents.end({ incidentId: id, body: "Resolved after a rollback." });

    const newestFirst = [
      "Resolved after a rollback.",
      "Error rates falling.",
      "Traffic rerouted.",
      "Investigating packet loss.",
    ];
    for (const caller of [callerFor(db, P.agent, at(50)), callerFor(db, P.enterprise.customers[0]!, at(50))]) {
      expect((await caller.incidents.get({ id })).updates.map((u) => u.body)).toEqual(newestFirst);
    }
  });
});

describe("only staff who run incidents write", () => {
  it("customers, account managers and executives are refused and nothing is written; an agent's write is audited", async () => {
    const before = { incidents: count(incidents), audit: count(auditLog) };
    for (const who of [P.enterprise.customers[0]!, P.account_manager, P.executive]) {
      expect(await codeOf(callerFor(db, who).incidents.create(outage()))).toBe("FORBIDDEN");
    }
    expect({ incidents: count(incidents), audit: count(auditLog) }).toEqual(before);

    const { id } = await callerFor(db, P.manager).incidents.create(outage());
    expect(count(incidents)).toBe(before.incidents + 1);
    const audit = db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(id)))
      .all();
    expect(audit.map((a) => a.action)).toEqual(["incident.create"]);

    expect(await codeOf(enterpriseCustomer().incidents.addUpdate({ incidentId: id, body: "We are on it." }))).toBe(
      "FORBIDDEN",
    );
    expect(
      await codeOf(enterpriseCustomer().incidents.saveReview({ incidentId: id, rootCause: "x", reviewTimeline: null })),
    ).toBe("FORBIDDEN");
  });

  it.each([
    ["an end before the start", { endedAt: new Date(TEST_ANCHOR.getTime() - 180 * MIN) }, "BAD_REQUEST"],
    [
      "an outage starting in the future",
      { startedAt: new Date(TEST_ANCHOR.getTime() + 60 * MIN), endedAt: null },
      "BAD_REQUEST",
    ],
    ["maintenance without an announcement time", { planned: true, announcedAt: null }, "BAD_REQUEST"],
    [
      "maintenance announced after it started",
      { planned: true, announcedAt: new Date(TEST_ANCHOR.getTime() - 90 * MIN) },
      "BAD_REQUEST",
    ],
    ["a chosen list with no organizations", { allOrganizations: false, organizationIds: [] }, "BAD_REQUEST"],
    ["an organization that does not exist", { allOrganizations: false, organizationIds: [987_654] }, "BAD_REQUEST"],
    ["no regions", { regions: [] }, "BAD_REQUEST"],
    ["a one-word summary", { summary: "Down" }, "BAD_REQUEST"],
  ])("%s is refused and nothing is written", async (_label, over, code) => {
    const before = { incidents: count(incidents), audit: count(auditLog) };
    expect(await codeOf(callerFor(db, P.agent).incidents.create(outage(over)))).toBe(code);
    expect({ incidents: count(incidents), audit: count(auditLog) }).toEqual(before);
  });

  it("editing an incident's times changes the organization's availability at once", async () => {
    const agent = callerFor(db, P.agent);
    const input = outage({ regions: ["americas"], allOrganizations: false, organizationIds: [P.enterprise.id] });
    const { id } = await agent.incidents.create(input);
    const minutes = async () =>
      (await enterpriseCustomer().availability.status({})).months.find((m) => m.month === "2026-11")!.downtimeMinutes;
    expect(await minutes()).toBe(60);
    await agent.incidents.update({ id, ...input, endedAt: new Date(TEST_ANCHOR.getTime() - 30 * MIN) });
    expect(await minutes()).toBe(90);
    await agent.incidents.update({
      id,
      ...input,
      planned: true,
      announcedAt: new Date(TEST_ANCHOR.getTime() - 4 * 86_400_000),
    });
    expect(await minutes()).toBe(0);
  });
});

describe("proactive alerts", () => {
  it("an agent's alert for an Enterprise organization opens a P0 ticket clocked from detection, shown to the customer", async () => {
    const detectedAt = new Date(TEST_ANCHOR.getTime() - 20 * MIN);
    const { id, ticketId } = await callerFor(db, P.agent).alerts.raise({
      organizationId: P.enterprise.id,
      productArea: "video_calling",
      description: "Join success rate fell to 82 % in US West.",
      detectedAt,
    });
    const ticket = db.select().from(tickets).where(eq(tickets.id, ticketId)).get()!;
    expect(ticket).toMatchObject({ organizationId: P.enterprise.id, priority: "P0", createdAt: detectedAt });
    // Enterprise P0 first response: 15 minutes, 24x7, from detection: already breached 20 minutes later.
    expect(ticket.frDueAt).toEqual(new Date(detectedAt.getTime() + 15 * MIN));
    expect(ticket.frStatus).toBe("breached");
    const mine = await enterpriseCustomer().alerts.mine();
    expect(mine.map((a) => [a.id, a.ticketId])).toEqual([[id, ticketId]]);
    expect(await callerFor(db, P.enterprise.customers[1]!).alerts.mine()).toHaveLength(1);
    expect(await basicCustomer().alerts.mine()).toEqual([]);
    const staffList = await callerFor(db, P.executive).alerts.forOrganization({ organizationId: P.enterprise.id });
    expect(staffList.map((a) => a.id)).toEqual([id]);
    expect(db.select().from(auditLog).where(eq(auditLog.action, "proactiveAlert.raise")).all()).toHaveLength(1);
  });

  it("is refused for a Basic organization, for a customer, and for a future detection, writing nothing", async () => {
    const before = { alerts: count(proactiveAlerts), tickets: count(tickets), audit: count(auditLog) };
    const input = {
      organizationId: P.basic.id,
      productArea: "voice_calling" as const,
      description: "Call setup latency doubled.",
      detectedAt: new Date(TEST_ANCHOR.getTime() - 5 * MIN),
    };
    expect(await codeOf(callerFor(db, P.agent).alerts.raise(input))).toBe("BAD_REQUEST");
    expect(await codeOf(enterpriseCustomer().alerts.raise({ ...input, organizationId: P.enterprise.id }))).toBe(
      "FORBIDDEN",
    );
    expect(await codeOf(callerFor(db, P.executive).alerts.raise({ ...input, organizationId: P.enterprise.id }))).toBe(
      "FORBIDDEN",
    );
    expect(
      await codeOf(
        callerFor(db, P.agent).alerts.raise({
          ...input,
          organizationId: P.enterprise.id,
          detectedAt: new Date(TEST_ANCHOR.getTime() + MIN),
        }),
      ),
    ).toBe("BAD_REQUEST");
    expect({ alerts: count(proactiveAlerts), tickets: count(tickets), audit: count(auditLog) }).toEqual(before);
    expect(
      db
        .select({ n: sql<number>`count(*)` })
        .from(organizations)
        .get()!.n,
    ).toBeGreaterThan(0);
    // The refusals were about the organization, the caller and the time: the same alert for the Enterprise one is raised.
    await expect(
      callerFor(db, P.agent).alerts.raise({ ...input, organizationId: P.enterprise.id }),
    ).resolves.toMatchObject({ ticketId: expect.any(Number) });
  });
});
