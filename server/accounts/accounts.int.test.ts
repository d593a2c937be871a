import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { engagements, meetingRequests, notifications, organizations, outbox } from "@/db/schema";
import { loadHealthInputs, MANY_ORGANIZATIONS } from "./portfolio";
import { TEST_ANCHOR } from "@/server/testing/constants";
import type { SessionUser } from "@/server/auth/session";
import { callerFor, createTestDb } from "@/server/testing/db";
import { createOrganization, createStaff, createStaffTeam, createTicket } from "@/server/testing/factories";

const db = createTestDb();
afterAll(() => db.$client.close());

/**
 * The organizations and people of this file, all made here: an Enterprise organization with an
 * account manager and a technical account manager, a Basic one without an account team, another
 * account manager, an agent, a manager and an executive.
 */
const staff = createStaffTeam(db);
const am = staff.account_manager;
const tam = createStaff(db, "account_manager");
const am2 = createStaff(db, "account_manager");
const own = createOrganization(db, {
  tier: "enterprise",
  region: "americas",
  name: "Quokka Streaming",
  customers: 2,
  daysToRenewal: 75,
  accountManager: am,
  technicalAccountManager: tam,
});
const [dev, cto] = own.customers as [SessionUser, SessionUser];
const other = createOrganization(db, { tier: "basic", region: "china" });
const ops = other.customers[0]!;
const as = (user: SessionUser | null, now?: Date) => callerFor(db, user, now);
async function expectCode(p: Promise<unknown>, code: string) {
  await expect(p).rejects.toMatchObject({ code });
}

describe("organization page", () => {
  it("a customer reads their own organization with its account team; another organization does not exist for them", async () => {
    const org = await as(dev).accounts.organization({ organizationId: own.id });
    expect(org).toMatchObject({
      name: "Quokka Streaming",
      tier: { code: "enterprise", availabilityCommitment: 99.99 },
      canManage: false,
    });
    expect(org.team.map((m) => [m.role, m.email])).toEqual(
      expect.arrayContaining([
        ["am", am.email],
        ["tam", tam.email],
      ]),
    );
    expect(org.daysToRenewal).toBe(75);
    await expectCode(as(ops).accounts.organization({ organizationId: own.id }), "NOT_FOUND");
    await expect(as(ops).accounts.organization({ organizationId: other.id })).resolves.toMatchObject({
      name: other.name,
    });
    await expectCode(as(null).accounts.organization({ organizationId: own.id }), "UNAUTHORIZED");
  });

  it("staff read any organization; only the account team, managers and admins may manage it", async () => {
    expect((await as(am).accounts.organization({ organizationId: own.id })).canManage).toBe(true);
    expect((await as(tam).accounts.organization({ organizationId: own.id })).canManage).toBe(true);
    expect((await as(am2).accounts.organization({ organizationId: own.id })).canManage).toBe(false);
    expect((await as(staff.agent).accounts.organization({ organizationId: other.id })).canManage).toBe(false);
    expect((await as(staff.manager).accounts.organization({ organizationId: other.id })).canManage).toBe(true);
    expect((await as(staff.admin).accounts.organization({ organizationId: other.id })).canManage).toBe(true);
  });

  it("staff search the organization directory by name and tier; customers are refused", async () => {
    const found = await as(staff.agent).accounts.organizations({ q: "quokka" });
    expect(found.map((o) => o.name)).toEqual(["Quokka Streaming"]);
    const second = createOrganization(db, { tier: "enterprise", region: "emea" });
    const enterprise = await as(staff.agent).accounts.organizations({ tier: "enterprise" });
    expect(enterprise.map((o) => o.name)).toEqual(expect.arrayContaining(["Quokka Streaming", second.name]));
    expect(enterprise.map((o) => o.name)).not.toContain(other.name);
    expect(enterprise.every((o) => o.tier === "enterprise")).toBe(true);
    expect(await as(staff.agent).accounts.organizations({ q: "%" })).toEqual([]);
    await expectCode(as(dev).accounts.organizations({}), "FORBIDDEN");
  });
});

describe("engagements timeline", () => {
  it("merges logged engagements and escalations from the ticket log, newest first", async () => {
    await as(am).accounts.addEngagement({
      organizationId: own.id,
      kind: "check_in",
      at: new Date(TEST_ANCHOR.getTime() - 3 * 86_400_000),
      title: "Quarterly check-in",
      notes: "",
    });
    const ticketId = await createTicket(db, dev, { priority: "P1" }, new Date(TEST_ANCHOR.getTime() - 86_400_000));
    await callerFor(db, dev, new Date(TEST_ANCHOR.getTime() - 86_400_000 + 3_600_000)).tickets.escalate({
      ticketId,
      reason: "Production is affected for all of our users.",
    });
    const timeline = await as(dev).accounts.timeline({ organizationId: own.id });
    expect(timeline.map((e) => [e.kind, e.kind === "escalation" ? e.ticketId : e.title])).toEqual([
      ["escalation", ticketId],
      ["check_in", "Quarterly check-in"],
    ]);
    expect(timeline.map((e) => e.at.getTime())).toEqual([...timeline.map((e) => e.at.getTime())].sort((a, b) => b - a));
    await expectCode(as(ops).accounts.timeline({ organizationId: own.id }), "NOT_FOUND");
  });

  it("an escalation of a ticket appears on the timeline without anybody logging it", async () => {
    const { id } = await as(dev).tickets.create({
      subject: "Calls drop after 30 seconds",
      description: "All calls drop.",
      productArea: "voice_calling",
      category: "functional_bug",
      priority: "P1",
    });
    await as(dev).tickets.escalate({
      ticketId: id,
      reason: "Production is affected for all of our users.",
    });
    const timeline = await as(am).accounts.timeline({ organizationId: own.id });
    expect(timeline.find((e) => e.kind === "escalation" && e.ticketId === id)).toMatchObject({
      title: "Calls drop after 30 seconds",
      level: "L2",
      automatic: true,
    });
  });

  it("the account manager logs a meeting; another account manager, an agent and a customer are refused", async () => {
    const at = new Date("2026-11-19T17:00:00Z");
    const { id } = await as(am).accounts.addEngagement({
      organizationId: own.id,
      kind: "meeting",
      at,
      title: "Launch readiness call",
      notes: "Agreed on a load test.",
    });
    expect(db.select().from(engagements).where(eq(engagements.id, id)).get()).toMatchObject({
      organizationId: own.id,
      kind: "meeting",
      title: "Launch readiness call",
      createdById: am.id,
    });
    const entry = { organizationId: own.id, kind: "meeting" as const, at, title: "Nope", notes: "" };
    const before = db.select().from(engagements).all().length;
    await expectCode(as(am2).accounts.addEngagement(entry), "FORBIDDEN");
    await expectCode(as(staff.agent).accounts.addEngagement(entry), "FORBIDDEN");
    await expectCode(as(dev).accounts.addEngagement(entry), "FORBIDDEN");
    await expectCode(as(am).accounts.addEngagement({ ...entry, title: "x" }), "BAD_REQUEST");
    await expectCode(as(am).accounts.addEngagement({ ...entry, at: new Date("2028-06-01T00:00:00Z") }), "BAD_REQUEST");
    expect(db.select().from(engagements).all()).toHaveLength(before);
  });
});

describe("meeting requests", () => {
  let requestId = 0;
  it("a customer asks for a meeting; it lands in the account manager's inbox and the team is notified", async () => {
    ({ id: requestId } = await as(dev).accounts.requestMeeting({
      topic: "Plan the SDK 5 migration",
      preferredTimes: "Mon or Tue 10:00-12:00 PT",
      channel: "video",
    }));
    const inbox = await as(am).accounts.meetingRequests({ status: "requested" });
    expect(inbox.find((r) => r.id === requestId)).toMatchObject({
      organizationName: "Quokka Streaming",
      topic: "Plan the SDK 5 migration",
      canAnswer: true,
    });
    expect((await as(am2).accounts.meetingRequests({})).some((r) => r.id === requestId)).toBe(false);
    for (const member of [am, tam]) {
      expect(
        db
          .select()
          .from(notifications)
          .where(and(eq(notifications.userId, member.id), eq(notifications.kind, "meeting_requested")))
          .all(),
      ).toHaveLength(1);
    }
  });

  it("a customer of a tier without an account manager is told to file a ticket; staff cannot request", async () => {
    expect(
      db.select({ am: organizations.accountManagerId }).from(organizations).where(eq(organizations.id, other.id)).get()!
        .am,
    ).toBeNull();
    await expectCode(
      as(ops).accounts.requestMeeting({
        topic: "Anything",
        preferredTimes: "Any time",
        channel: "chat",
      }),
      "CONFLICT",
    );
    await expectCode(
      as(am).accounts.requestMeeting({
        topic: "Anything",
        preferredTimes: "Any time",
        channel: "chat",
      }),
      "FORBIDDEN",
    );
    await expectCode(
      as(dev).accounts.requestMeeting({
        topic: "",
        preferredTimes: "Any time",
        channel: "chat",
      }),
      "BAD_REQUEST",
    );
  });

  it("customers see only their organization's requests", async () => {
    const mine = await as(cto).accounts.meetingRequests({});
    expect(mine.map((r) => r.id)).toContain(requestId);
    expect(mine.every((r) => r.organizationId === own.id)).toBe(true);
    expect(await as(ops).accounts.meetingRequests({})).toEqual([]);
    await expectCode(as(ops).accounts.meetingRequests({ organizationId: own.id }), "NOT_FOUND");
    await expectCode(as(staff.agent).accounts.meetingRequests({}), "FORBIDDEN");
  });

  it("the account manager answers once; the requester is notified with the response", async () => {
    await expectCode(
      as(am2).accounts.answerMeeting({
        id: requestId,
        status: "scheduled",
        response: "Tuesday 10:00 PT",
      }),
      "FORBIDDEN",
    );
    await as(am).accounts.answerMeeting({
      id: requestId,
      status: "scheduled",
      response: "Tuesday 24 Nov, 10:00 PT on video.",
    });
    expect(db.select().from(meetingRequests).where(eq(meetingRequests.id, requestId)).get()).toMatchObject({
      status: "scheduled",
      response: "Tuesday 24 Nov, 10:00 PT on video.",
      answeredAt: TEST_ANCHOR,
    });
    expect(
      db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, dev.id), eq(notifications.kind, "meeting_scheduled")))
        .all(),
    ).toHaveLength(1);
    expect(
      db
        .select()
        .from(outbox)
        .where(eq(outbox.to, dev.email))
        .all()
        .some((m) => m.body.includes("Tuesday 24 Nov")),
    ).toBe(true);
    await expectCode(
      as(am).accounts.answerMeeting({
        id: requestId,
        status: "declined",
        response: "Changed my mind",
      }),
      "CONFLICT",
    );
    await expectCode(
      as(am).accounts.answerMeeting({ id: 999_999, status: "declined", response: "No such" }),
      "NOT_FOUND",
    );
  });
});

describe("a double submit makes one meeting request", () => {
  const ASK = {
    topic: "Review our Q1 capacity plan",
    preferredTimes: "Any morning next week",
    channel: "video",
  } as const;
  const asked = (topic: string) =>
    db
      .select({ id: meetingRequests.id })
      .from(meetingRequests)
      .where(and(eq(meetingRequests.organizationId, own.id), eq(meetingRequests.topic, topic)))
      .all();

  it("six identical requests at once make one request and one notification each for the team; the rest are refused", async () => {
    const notified = () =>
      db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, tam.id), eq(notifications.kind, "meeting_requested")))
        .all().length;
    const before = notified();
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => as(dev).accounts.requestMeeting(ASK)));
    expect(asked(ASK.topic)).toHaveLength(1);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((x) => x.status === "rejected"))
      expect(r.reason).toMatchObject({ code: "CONFLICT", cause: { messageKey: "accounts.errors.meetingPending" } });
    expect(notified()).toBe(before + 1);
  });

  it("a colleague asking about the same topic waits for the answer; once answered, or on another topic, a request is made", async () => {
    await expectCode(as(cto).accounts.requestMeeting({ ...ASK, topic: " review our q1 capacity plan " }), "CONFLICT");
    await as(cto).accounts.requestMeeting({ ...ASK, topic: "Train our new engineers" });
    const [{ id }] = asked(ASK.topic) as [{ id: number }];
    // Two answers at once (two tabs): one is recorded, the other is refused.
    const answers = await Promise.allSettled([
      as(am).accounts.answerMeeting({ id, status: "scheduled", response: "Tuesday 10:00 PT on video." }),
      as(tam).accounts.answerMeeting({ id, status: "declined", response: "Covered in the review." }),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    await as(cto).accounts.requestMeeting(ASK);
    expect(asked(ASK.topic)).toHaveLength(2);
  });
});

describe("portfolio and health", () => {
  it("an account manager sees their portfolio with each factor's contribution; managers see all organizations", async () => {
    const alsoMine = createOrganization(db, { tier: "advanced", region: "emea", technicalAccountManager: am });
    const mine = (await as(am).accounts.portfolio({})).items;
    expect(mine.map((r) => r.id).sort((a, b) => a - b)).toEqual([own.id, alsoMine.id]);
    for (const row of mine) {
      expect(row.health.factors).toHaveLength(6);
      expect(
        Math.abs(row.health.factors.reduce((s, f) => s + f.contribution, 0) - row.health.score),
      ).toBeLessThanOrEqual(1);
    }
    expect(mine.map((r) => r.health.score)).toEqual([...mine.map((r) => r.health.score)].sort((a, b) => a - b));
    // Every organization, on one page (a page shows PORTFOLIO_PAGE_SIZE unless asked for more).
    const all = await as(staff.manager).accounts.portfolio({ pageSize: 200 });
    expect(all.total).toBe((db.$client.prepare("select count(*) n from organizations").get() as { n: number }).n);
    expect(all.items).toHaveLength(all.total);
    expect(all.items.map((r) => r.id)).toEqual(expect.arrayContaining([own.id, alsoMine.id, other.id]));
  });

  it("filters by tier and band and sorts by renewal", async () => {
    const enterprise = (await as(staff.manager).accounts.portfolio({ tier: "enterprise", sort: "renewal" })).items;
    expect(enterprise.map((r) => r.id)).toContain(own.id);
    expect(enterprise.map((r) => r.id)).not.toContain(other.id);
    expect(enterprise.every((r) => r.tier === "enterprise")).toBe(true);
    expect(enterprise.map((r) => r.daysToRenewal)).toEqual(
      [...enterprise.map((r) => r.daysToRenewal)].sort((a, b) => a - b),
    );
    const green = await as(staff.manager).accounts.portfolio({ band: "green" });
    expect(green.items.every((r) => r.health.score >= 75)).toBe(true);
    expect(green.total).toBe(green.counts.green);
  });

  it("pages through the portfolio in its order, with each band's count; a page past the end shows the last", async () => {
    const manager = as(staff.manager);
    const whole = await manager.accounts.portfolio({ sort: "health", pageSize: 200 });
    expect(whole.counts.red + whole.counts.yellow + whole.counts.green).toBe(whole.total);
    // Pages of two: this file's own four organizations already make more than two pages.
    const pages = Math.ceil(whole.total / 2);
    expect(pages).toBeGreaterThan(2);
    const seen: number[] = [];
    for (let page = 1; page <= pages; page++) {
      const p = await manager.accounts.portfolio({ sort: "health", page, pageSize: 2 });
      expect(p).toMatchObject({ total: whole.total, page, pageSize: 2, counts: whole.counts });
      seen.push(...p.items.map((r) => r.id));
    }
    expect(seen).toEqual(whole.items.map((r) => r.id));
    const past = await manager.accounts.portfolio({ sort: "health", page: pages + 5, pageSize: 2 });
    expect(past.page).toBe(pages);
    expect(past.items.map((r) => r.id)).toEqual(whole.items.slice((pages - 1) * 2).map((r) => r.id));
    await expectCode(manager.accounts.portfolio({ pageSize: 201 }), "BAD_REQUEST");
    await expectCode(manager.accounts.portfolio({ page: 0 }), "BAD_REQUEST");
  });

  it("health's satisfaction and breaches equal the raw records, also right after a customer rates a ticket", async () => {
    const DAY = 86_400_000;
    const rated = createOrganization(db, { tier: "enterprise", region: "americas" });
    const customer = rated.customers[0]!;
    const ago = (days: number, minutes = 0) => new Date(TEST_ANCHOR.getTime() - days * DAY + minutes * 60_000);
    /** A ticket filed `days` ago, resolved an hour later, and rated `score` (if given) an hour after that. */
    const resolvedTicket = async (days: number, score?: number) => {
      const id = await createTicket(db, customer, {}, ago(days));
      await callerFor(db, staff.agent, ago(days, 60)).tickets.resolve({ ticketId: id, kind: "answer", body: "Done." });
      if (score) await callerFor(db, customer, ago(days, 120)).tickets.rate({ ticketId: id, score });
      return id;
    };
    // Two ratings in the previous 90 days (2 and 3), two in the last 90 (5 and 4), one ticket not rated yet.
    await resolvedTicket(120, 2);
    await resolvedTicket(100, 3);
    await resolvedTicket(30, 5);
    await resolvedTicket(10, 4);
    const unrated = await resolvedTicket(5);
    // A P1 answered two hours after filing: its 30-minute first response is breached.
    const late = await createTicket(db, customer, { priority: "P1" }, ago(20));
    await callerFor(db, staff.agent, ago(20, 120)).tickets.reply({ ticketId: late, body: "Looking now." });
    const measured = db
      .select({ id: organizations.id, contractEnd: organizations.contractEnd })
      .from(organizations)
      .where(eq(organizations.id, rated.id))
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
        .get(since, since, since, since, rated.id, t - 180 * DAY, t) as {
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
    const before = loadHealthInputs(db, [measured], TEST_ANCHOR).get(rated.id)!;
    expect(before).toMatchObject(brute(TEST_ANCHOR));
    expect(before).toMatchObject({ satisfaction90d: 4.5, satisfactionPrevious90d: 2.5 });

    await callerFor(db, customer, new Date(TEST_ANCHOR.getTime() - 60_000)).tickets.rate({
      ticketId: unrated,
      score: 1,
    });
    const after = loadHealthInputs(db, [measured], TEST_ANCHOR).get(rated.id)!;
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
        rated.id,
        ...Array.from({ length: 3 }, () => [TEST_ANCHOR.getTime() - 90 * DAY, TEST_ANCHOR.getTime()]).flat(),
      ) as { n: number };
    expect(after.breaches90d).toBe(breached.n);
    expect(after.breaches90d).toBeGreaterThan(0);

    // Read among many organizations (a manager's portfolio: no IN list, the breached targets' index and
    // the other organizations dropped), the same inputs.
    const others = Array.from({ length: MANY_ORGANIZATIONS }, (_, i) => ({ ...measured, id: 1_000_000 + i }));
    expect(loadHealthInputs(db, [measured, ...others], TEST_ANCHOR).get(rated.id)).toEqual(after);
  });

  it("customers, agents and executives never get the portfolio; customers never get health", async () => {
    await expectCode(as(dev).accounts.portfolio({}), "FORBIDDEN");
    await expectCode(as(staff.agent).accounts.portfolio({}), "FORBIDDEN");
    await expectCode(as(staff.executive).accounts.portfolio({}), "FORBIDDEN");
    await expectCode(as(dev).accounts.health({ organizationId: own.id }), "FORBIDDEN");
    expect((await as(staff.executive).accounts.health({ organizationId: own.id })).factors).toHaveLength(6);
  });
});
