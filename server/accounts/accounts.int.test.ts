import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { engagements, meetingRequests, notifications, organizations, outbox, users } from "@/db/schema";
import { loadHealthInputs } from "./portfolio";
import { TEST_ANCHOR } from "@/server/testing/constants";
import { callerAs, createTestDb } from "@/server/testing/db";

const db = createTestDb();
afterAll(() => db.$client.close());

const NIMBUS = 1;
const ORBIT = 2;
const userId = (email: string) => db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()!.id;
async function expectCode(p: Promise<unknown>, code: string) {
  await expect(p).rejects.toMatchObject({ code });
}

describe("organization page", () => {
  it("a customer reads their own organization with its account team; another organization does not exist for them", async () => {
    const org = await callerAs(db, "dev@nimbus.example").accounts.organization({ organizationId: NIMBUS });
    expect(org).toMatchObject({
      name: "Nimbus Live",
      tier: { code: "enterprise", availabilityCommitment: 99.99 },
      canManage: false,
    });
    expect(org.team.map((m) => [m.role, m.email])).toEqual(
      expect.arrayContaining([
        ["am", "am@attain.test"],
        ["tam", "tam@attain.test"],
      ]),
    );
    expect(org.daysToRenewal).toBe(75);
    await expectCode(callerAs(db, "ops@orbit.example").accounts.organization({ organizationId: NIMBUS }), "NOT_FOUND");
    await expectCode(callerAs(db, null).accounts.organization({ organizationId: NIMBUS }), "UNAUTHORIZED");
  });

  it("staff read any organization; only the account team, managers and admins may manage it", async () => {
    expect((await callerAs(db, "am@attain.test").accounts.organization({ organizationId: NIMBUS })).canManage).toBe(
      true,
    );
    expect((await callerAs(db, "am2@attain.test").accounts.organization({ organizationId: NIMBUS })).canManage).toBe(
      false,
    );
    expect((await callerAs(db, "agent@attain.test").accounts.organization({ organizationId: ORBIT })).canManage).toBe(
      false,
    );
    expect((await callerAs(db, "manager@attain.test").accounts.organization({ organizationId: ORBIT })).canManage).toBe(
      true,
    );
  });

  it("staff search the organization directory by name and tier; customers are refused", async () => {
    const found = await callerAs(db, "agent@attain.test").accounts.organizations({ q: "nimb" });
    expect(found.map((o) => o.name)).toEqual(["Nimbus Live"]);
    const enterprise = await callerAs(db, "agent@attain.test").accounts.organizations({ tier: "enterprise" });
    expect(enterprise.length).toBeGreaterThan(1);
    expect(enterprise.every((o) => o.tier === "enterprise")).toBe(true);
    expect(await callerAs(db, "agent@attain.test").accounts.organizations({ q: "%" })).toEqual([]);
    await expectCode(callerAs(db, "dev@nimbus.example").accounts.organizations({}), "FORBIDDEN");
  });
});

describe("engagements timeline", () => {
  it("merges logged engagements and escalations from the ticket log, newest first", async () => {
    const timeline = await callerAs(db, "dev@nimbus.example").accounts.timeline({ organizationId: NIMBUS });
    const escalations = db.$client
      .prepare(
        "select count(*) n from ticket_events e join tickets t on t.id = e.ticket_id where t.organization_id = ? and e.type = 'escalated' and e.at <= ?",
      )
      .get(NIMBUS, TEST_ANCHOR.getTime()) as { n: number };
    expect(timeline.filter((e) => e.kind === "escalation")).toHaveLength(Math.min(escalations.n, 100));
    expect(timeline.some((e) => e.kind === "check_in" || e.kind === "training")).toBe(true);
    expect(timeline.map((e) => e.at.getTime())).toEqual([...timeline.map((e) => e.at.getTime())].sort((a, b) => b - a));
    await expectCode(callerAs(db, "ops@orbit.example").accounts.timeline({ organizationId: NIMBUS }), "NOT_FOUND");
  });

  it("an escalation of a ticket appears on the timeline without anybody logging it", async () => {
    const { id } = await callerAs(db, "dev@nimbus.example").tickets.create({
      subject: "Calls drop after 30 seconds",
      description: "All calls drop.",
      productArea: "voice_calling",
      category: "functional_bug",
      priority: "P1",
    });
    await callerAs(db, "dev@nimbus.example").tickets.escalate({
      ticketId: id,
      reason: "Production is affected for all of our users.",
    });
    const timeline = await callerAs(db, "am@attain.test").accounts.timeline({ organizationId: NIMBUS });
    expect(timeline.find((e) => e.kind === "escalation" && e.ticketId === id)).toMatchObject({
      title: "Calls drop after 30 seconds",
      level: "L2",
      automatic: true,
    });
  });

  it("the account manager logs a meeting; another account manager, an agent and a customer are refused", async () => {
    const at = new Date("2026-11-19T17:00:00Z");
    const { id } = await callerAs(db, "am@attain.test").accounts.addEngagement({
      organizationId: NIMBUS,
      kind: "meeting",
      at,
      title: "Launch readiness call",
      notes: "Agreed on a load test.",
    });
    expect(db.select().from(engagements).where(eq(engagements.id, id)).get()).toMatchObject({
      organizationId: NIMBUS,
      kind: "meeting",
      title: "Launch readiness call",
      createdById: userId("am@attain.test"),
    });
    const entry = { organizationId: NIMBUS, kind: "meeting" as const, at, title: "Nope", notes: "" };
    await expectCode(callerAs(db, "am2@attain.test").accounts.addEngagement(entry), "FORBIDDEN");
    await expectCode(callerAs(db, "agent@attain.test").accounts.addEngagement(entry), "FORBIDDEN");
    await expectCode(callerAs(db, "dev@nimbus.example").accounts.addEngagement(entry), "FORBIDDEN");
    await expectCode(callerAs(db, "am@attain.test").accounts.addEngagement({ ...entry, title: "x" }), "BAD_REQUEST");
    await expectCode(
      callerAs(db, "am@attain.test").accounts.addEngagement({ ...entry, at: new Date("2028-06-01T00:00:00Z") }),
      "BAD_REQUEST",
    );
  });
});

describe("meeting requests", () => {
  let requestId = 0;
  it("a customer asks for a meeting; it lands in the account manager's inbox and the team is notified", async () => {
    ({ id: requestId } = await callerAs(db, "dev@nimbus.example").accounts.requestMeeting({
      topic: "Plan the SDK 5 migration",
      preferredTimes: "Mon or Tue 10:00-12:00 PT",
      channel: "video",
    }));
    const inbox = await callerAs(db, "am@attain.test").accounts.meetingRequests({ status: "requested" });
    expect(inbox.find((r) => r.id === requestId)).toMatchObject({
      organizationName: "Nimbus Live",
      topic: "Plan the SDK 5 migration",
      canAnswer: true,
    });
    expect((await callerAs(db, "am2@attain.test").accounts.meetingRequests({})).some((r) => r.id === requestId)).toBe(
      false,
    );
    expect(
      db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, userId("am@attain.test")), eq(notifications.kind, "meeting_requested")))
        .all(),
    ).toHaveLength(1);
    expect(
      db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, userId("tam@attain.test")), eq(notifications.kind, "meeting_requested")))
        .all(),
    ).toHaveLength(1);
  });

  it("a customer of a tier without an account manager is told to file a ticket; staff cannot request", async () => {
    expect(
      db.select({ am: organizations.accountManagerId }).from(organizations).where(eq(organizations.id, ORBIT)).get()!
        .am,
    ).toBeNull();
    await expectCode(
      callerAs(db, "ops@orbit.example").accounts.requestMeeting({
        topic: "Anything",
        preferredTimes: "Any time",
        channel: "chat",
      }),
      "CONFLICT",
    );
    await expectCode(
      callerAs(db, "am@attain.test").accounts.requestMeeting({
        topic: "Anything",
        preferredTimes: "Any time",
        channel: "chat",
      }),
      "FORBIDDEN",
    );
    await expectCode(
      callerAs(db, "dev@nimbus.example").accounts.requestMeeting({
        topic: "",
        preferredTimes: "Any time",
        channel: "chat",
      }),
      "BAD_REQUEST",
    );
  });

  it("customers see only their organization's requests", async () => {
    expect(
      (await callerAs(db, "cto@nimbus.example").accounts.meetingRequests({})).every((r) => r.organizationId === NIMBUS),
    ).toBe(true);
    expect(await callerAs(db, "ops@orbit.example").accounts.meetingRequests({})).toEqual([]);
    await expectCode(
      callerAs(db, "ops@orbit.example").accounts.meetingRequests({ organizationId: NIMBUS }),
      "NOT_FOUND",
    );
    await expectCode(callerAs(db, "agent@attain.test").accounts.meetingRequests({}), "FORBIDDEN");
  });

  it("the account manager answers once; the requester is notified with the response", async () => {
    await expectCode(
      callerAs(db, "am2@attain.test").accounts.answerMeeting({
        id: requestId,
        status: "scheduled",
        response: "Tuesday 10:00 PT",
      }),
      "FORBIDDEN",
    );
    await callerAs(db, "am@attain.test").accounts.answerMeeting({
      id: requestId,
      status: "scheduled",
      response: "Tuesday 24 Nov, 10:00 PT on video.",
    });
    expect(db.select().from(meetingRequests).where(eq(meetingRequests.id, requestId)).get()).toMatchObject({
      status: "scheduled",
      response: "Tuesday 24 Nov, 10:00 PT on video.",
      answeredAt: TEST_ANCHOR,
    });
    const dev = userId("dev@nimbus.example");
    expect(
      db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, dev), eq(notifications.kind, "meeting_scheduled")))
        .all(),
    ).toHaveLength(1);
    expect(
      db
        .select()
        .from(outbox)
        .where(eq(outbox.to, "dev@nimbus.example"))
        .all()
        .some((m) => m.body.includes("Tuesday 24 Nov")),
    ).toBe(true);
    await expectCode(
      callerAs(db, "am@attain.test").accounts.answerMeeting({
        id: requestId,
        status: "declined",
        response: "Changed my mind",
      }),
      "CONFLICT",
    );
    await expectCode(
      callerAs(db, "am@attain.test").accounts.answerMeeting({ id: 999_999, status: "declined", response: "No such" }),
      "NOT_FOUND",
    );
  });
});

describe("portfolio and health", () => {
  it("an account manager sees their portfolio with each factor's contribution; managers see all organizations", async () => {
    const mine = (await callerAs(db, "am@attain.test").accounts.portfolio({})).items;
    const amId = userId("am@attain.test");
    const expected = db.$client
      .prepare("select count(*) n from organizations where account_manager_id = ? or technical_account_manager_id = ?")
      .get(amId, amId) as { n: number };
    expect(mine).toHaveLength(expected.n);
    for (const row of mine) {
      expect(row.health.factors).toHaveLength(6);
      expect(
        Math.abs(row.health.factors.reduce((s, f) => s + f.contribution, 0) - row.health.score),
      ).toBeLessThanOrEqual(1);
    }
    expect(mine.map((r) => r.health.score)).toEqual([...mine.map((r) => r.health.score)].sort((a, b) => a - b));
    const all = await callerAs(db, "manager@attain.test").accounts.portfolio({});
    expect(all.total).toBe((db.$client.prepare("select count(*) n from organizations").get() as { n: number }).n);
    expect(all.items).toHaveLength(all.total);
  });

  it("filters by tier and band and sorts by renewal", async () => {
    const enterprise = (
      await callerAs(db, "manager@attain.test").accounts.portfolio({ tier: "enterprise", sort: "renewal" })
    ).items;
    expect(enterprise.every((r) => r.tier === "enterprise")).toBe(true);
    expect(enterprise.map((r) => r.daysToRenewal)).toEqual(
      [...enterprise.map((r) => r.daysToRenewal)].sort((a, b) => a - b),
    );
    const green = await callerAs(db, "manager@attain.test").accounts.portfolio({ band: "green" });
    expect(green.items.every((r) => r.health.score >= 75)).toBe(true);
    expect(green.total).toBe(green.counts.green);
  });

  it("pages through the portfolio in its order, with each band's count; a page past the end shows the last", async () => {
    const manager = callerAs(db, "manager@attain.test");
    const whole = await manager.accounts.portfolio({ sort: "health", pageSize: 200 });
    expect(whole.counts.red + whole.counts.yellow + whole.counts.green).toBe(whole.total);
    const pages = Math.ceil(whole.total / 7);
    expect(pages).toBeGreaterThan(2);
    const seen: number[] = [];
    for (let page = 1; page <= pages; page++) {
      const p = await manager.accounts.portfolio({ sort: "health", page, pageSize: 7 });
      expect(p).toMatchObject({ total: whole.total, page, pageSize: 7, counts: whole.counts });
      seen.push(...p.items.map((r) => r.id));
    }
    expect(seen).toEqual(whole.items.map((r) => r.id));
    const past = await manager.accounts.portfolio({ sort: "health", page: pages + 5, pageSize: 7 });
    expect(past.page).toBe(pages);
    expect(past.items.map((r) => r.id)).toEqual(whole.items.slice((pages - 1) * 7).map((r) => r.id));
    await expectCode(manager.accounts.portfolio({ pageSize: 201 }), "BAD_REQUEST");
    await expectCode(manager.accounts.portfolio({ page: 0 }), "BAD_REQUEST");
  });

  it("health's satisfaction and breaches equal the raw records, also right after a customer rates a ticket", async () => {
    const DAY = 86_400_000;
    const nimbus = db
      .select({ id: organizations.id, contractEnd: organizations.contractEnd })
      .from(organizations)
      .where(eq(organizations.id, NIMBUS))
      .get()!;
    const brute = (now: Date) => {
      const t = now.getTime();
      const since = t - 90 * DAY;
      const r = db.$client
        .prepare(
          `select sum(case when r.created_at >= ? then 1 else 0 end) curN, sum(case when r.created_at >= ? then r.score else 0 end) curSum,
                  sum(case when r.created_at < ? then 1 else 0 end) prevN, sum(case when r.created_at < ? then r.score else 0 end) prevSum
             from satisfaction_ratings r join tickets t on t.id = r.ticket_id
            where t.organization_id = ? and r.created_at >= ? and r.created_at < ?`,
        )
        .get(since, since, since, since, NIMBUS, t - 180 * DAY, t) as {
        curN: number;
        curSum: number;
        prevN: number;
        prevSum: number;
      };
      return {
        satisfaction90d: r.curN ? r.curSum / r.curN : null,
        satisfactionPrevious90d: r.prevN ? r.prevSum / r.prevN : null,
      };
    };
    const before = loadHealthInputs(db, [nimbus], TEST_ANCHOR).get(NIMBUS)!;
    expect(before).toMatchObject(brute(TEST_ANCHOR));
    expect(before.satisfaction90d).not.toBeNull();

    const unrated = db.$client
      .prepare(
        `select t.id from tickets t join users u on u.id = t.requester_id left join satisfaction_ratings r on r.ticket_id = t.id
          where t.organization_id = ? and t.status in ('resolved', 'closed') and r.id is null and u.email = 'dev@nimbus.example' order by t.id limit 1`,
      )
      .get(NIMBUS) as { id: number };
    await callerAs(db, "dev@nimbus.example", new Date(TEST_ANCHOR.getTime() - 60_000)).tickets.rate({
      ticketId: unrated.id,
      score: 1,
    });
    const after = loadHealthInputs(db, [nimbus], TEST_ANCHOR).get(NIMBUS)!;
    expect(after).toMatchObject(brute(TEST_ANCHOR));
    expect(after.satisfaction90d).toBeLessThan(before.satisfaction90d!);

    const breached = db.$client
      .prepare(
        `select count(*) n from ticket_sla_facts f, (select 'fr' m union all select 'wa' union all select 'res') x
          where f.organization_id = ? and f.excluded = 0
            and case x.m when 'fr' then f.fr_outcome = 'breached' and f.fr_at >= ? and f.fr_at < ?
                         when 'wa' then f.wa_outcome = 'breached' and f.wa_at >= ? and f.wa_at < ?
                         else f.res_outcome = 'breached' and f.res_at >= ? and f.res_at < ? end`,
      )
      .get(
        NIMBUS,
        ...Array.from({ length: 3 }, () => [TEST_ANCHOR.getTime() - 90 * DAY, TEST_ANCHOR.getTime()]).flat(),
      ) as { n: number };
    expect(after.breaches90d).toBe(breached.n);
  });

  it("customers, agents and executives never get the portfolio; customers never get health", async () => {
    await expectCode(callerAs(db, "dev@nimbus.example").accounts.portfolio({}), "FORBIDDEN");
    await expectCode(callerAs(db, "agent@attain.test").accounts.portfolio({}), "FORBIDDEN");
    await expectCode(callerAs(db, "exec@attain.test").accounts.portfolio({}), "FORBIDDEN");
    await expectCode(callerAs(db, "dev@nimbus.example").accounts.health({ organizationId: NIMBUS }), "FORBIDDEN");
    expect((await callerAs(db, "exec@attain.test").accounts.health({ organizationId: NIMBUS })).factors).toHaveLength(
      6,
    );
  });
});
