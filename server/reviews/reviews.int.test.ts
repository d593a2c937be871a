import { and, asc, desc, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { actionItems, auditLog, engagements, notifications, outbox, reviews, users } from "@/db/schema";
import { getAttainment } from "@/server/dashboards/attainment";
import { organizationAvailability } from "@/server/availability/service";
import { TEST_ANCHOR } from "@/server/testing/constants";
import { callerAs, createTestDb, sessionFor } from "@/server/testing/db";
import { buildSnapshot, getReview } from "./service";

const db = createTestDb();
afterAll(() => db.$client.close());

const NIMBUS = 1;
const Q3 = "2026-Q3";
const am = () => callerAs(db, "am@attain.test");
const userId = (email: string) => db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()!.id;

async function expectCode(p: Promise<unknown>, code: string) {
  await expect(p).rejects.toMatchObject({ code });
}

describe("service reviews", () => {
  let id = 0;

  it("the account manager generates last quarter's review; its figures equal the dashboards' for the same organization and quarter", async () => {
    ({ id } = await am().reviews.generate({ organizationId: NIMBUS, quarter: Q3 }));
    const review = await am().reviews.get({ id });
    expect(review).toMatchObject({
      status: "draft",
      quarter: Q3,
      organizationName: "Nimbus Live",
      canEdit: true,
      canAcknowledge: false,
    });
    const from = new Date("2026-07-01T00:00:00Z");
    const to = new Date("2026-10-01T00:00:00Z");
    expect(review.snapshot.attainment.current).toEqual(
      getAttainment(db, { from, to, organizationId: NIMBUS, now: TEST_ANCHOR }),
    );
    expect(review.snapshot.attainment.previous).toEqual(
      getAttainment(db, { from: new Date("2026-04-01T00:00:00Z"), to: from, organizationId: NIMBUS, now: TEST_ANCHOR }),
    );
    const months = organizationAvailability(db, NIMBUS, ["2026-07", "2026-08", "2026-09"], TEST_ANCHOR);
    expect(review.snapshot.availability.months.map((m) => [m.month, m.availability, m.creditPercent])).toEqual(
      months.map((m) => [m.month, m.availability, m.creditPercent]),
    );
    const filed = db.$client
      .prepare("select count(*) n from tickets where organization_id = ? and created_at >= ? and created_at < ?")
      .get(NIMBUS, from.getTime(), to.getTime()) as { n: number };
    expect(review.snapshot.volume.total).toBe(filed.n);
    expect(review.snapshot.volume.byProductArea.reduce((s, r) => s + r.current, 0)).toBe(filed.n);
  });

  it("each figure equals the executive dashboard's for the same organization and quarter", async () => {
    for (const quarter of ["2026-Q2", "2026-Q3"]) {
      const review = await am().reviews.preview({ organizationId: NIMBUS, quarter });
      const dash = await callerAs(db, "exec@attain.test").sla.dashboard({
        period: { kind: "quarter", quarter },
        organizationId: NIMBUS,
      });
      expect(review.attainment.current.byMetric).toEqual(dash.tiles.attainment.current);
      expect(review.attainment.previous.byMetric).toEqual(dash.tiles.attainment.previous);
      expect(review.breaches).toHaveLength(dash.tiles.breaches.current);
      expect(review.satisfaction.current.n).toBe(dash.tiles.satisfaction.current.ratings);
      // And the raw ratings say the same.
      const raw = db.$client
        .prepare(
          "select count(*) n, avg(r.score) avg from satisfaction_ratings r join tickets t on t.id = r.ticket_id where t.organization_id = ? and r.created_at >= ? and r.created_at < ?",
        )
        .get(NIMBUS, Date.parse(review.from), Date.parse(review.to)) as { n: number; avg: number | null };
      expect(raw.n).toBeGreaterThan(0);
      expect(review.satisfaction.current).toEqual({ n: raw.n, average: Math.round(raw.avg! * 100) / 100 });
    }
  });

  /** A review of Nimbus for `quarter`: its seeded snapshot with `breaches` in place of its own. */
  function reviewWithBreaches(quarter: string, breaches: unknown[]): number {
    const seeded = db.select().from(reviews).where(eq(reviews.organizationId, NIMBUS)).get()!;
    return db
      .insert(reviews)
      .values({
        organizationId: NIMBUS,
        quarter,
        snapshot: { ...(seeded.snapshot as object), breaches },
        generatedAt: new Date(),
      })
      .returning({ id: reviews.id })
      .get().id;
  }

  it("a review is read with its 25 most serious breaches and their count; all of them when asked", async () => {
    // A key account's quarter: Nimbus's 2026-Q2 snapshot with 120 breaches of every priority.
    const all = Array.from({ length: 120 }, (_, i) => ({
      ticketId: 1_000 + i,
      subject: `Breach ${i}`,
      priority: (["P3", "P1", "P0", "P2"] as const)[i % 4]!,
      metric: "resolution" as const,
      dueAt: new Date(Date.UTC(2025, 1, 1 + (i % 27), i % 24)).toISOString(),
      achievedAt: null,
    }));
    const id = reviewWithBreaches("2025-Q1", all);
    const first = await am().reviews.get({ id });
    expect(first.breachCount).toBe(all.length);
    expect(first.snapshot.breaches).toHaveLength(25);
    expect(first.snapshot.breaches.every((b) => b.priority === "P0" || b.priority === "P1")).toBe(true);
    const whole = await am().reviews.get({ id, allBreaches: true });
    expect(whole.snapshot.breaches).toHaveLength(all.length);
    expect(whole.snapshot.breaches.slice(0, 25)).toEqual(first.snapshot.breaches);
    const rank = (b: { priority: string; dueAt: string }) => `${b.priority}|${b.dueAt}`;
    const ranks = whole.snapshot.breaches.map(rank);
    expect(ranks).toEqual([...ranks].sort());
    // The parsed snapshot is held between views, frozen: no reader can change it for the next one.
    whole.snapshot.breaches[0]!.priority = "P3";
    whole.snapshot.breaches.length = 0;
    expect((await am().reviews.get({ id, allBreaches: true })).snapshot.breaches.map(rank)).toEqual(ranks);
    const held = getReview(db, sessionFor(db, "am@attain.test"), id, true).snapshot;
    expect(Object.isFrozen(held.breaches[0])).toBe(true);
    expect(() => Object.assign(held.breaches[0]!, { priority: "P3" })).toThrow(TypeError);
    expect(getReview(db, sessionFor(db, "am@attain.test"), id, true).snapshot.breaches.map(rank)).toEqual(ranks);
  });

  it("all of a key account's breaches are read 200 to a page, the most serious first; a page past the last reads the last", async () => {
    const all = Array.from({ length: 603 }, (_, i) => ({
      ticketId: 10_000 + i,
      subject: `Breach ${i}`,
      priority: (["P3", "P1", "P0", "P2"] as const)[i % 4]!,
      metric: "firstResponse" as const,
      dueAt: new Date(Date.UTC(2024, 9, 1 + (i % 90), i % 24, i % 60)).toISOString(),
      achievedAt: null,
    }));
    const id = reviewWithBreaches("2024-Q4", all);
    const pages = await Promise.all(
      [1, 2, 3, 4].map((breachPage) => am().reviews.get({ id, allBreaches: true, breachPage })),
    );
    expect(pages.map((p) => [p.breachOffset, p.snapshot.breaches.length, p.breachCount])).toEqual([
      [0, 200, 603],
      [200, 200, 603],
      [400, 200, 603],
      [600, 3, 603],
    ]);
    const rank = (b: { priority: string; dueAt: string; ticketId: number }) => `${b.priority}|${b.dueAt}|${b.ticketId}`;
    const read = pages.flatMap((p) => p.snapshot.breaches.map(rank));
    expect(new Set(read).size).toBe(603);
    expect(read.map((r) => r.split("|").slice(0, 2).join("|"))).toEqual(
      all
        .map(rank)
        .map((r) => r.split("|").slice(0, 2).join("|"))
        .sort(),
    );
    const past = await am().reviews.get({ id, allBreaches: true, breachPage: 50 });
    expect([past.breachOffset, past.snapshot.breaches.length]).toEqual([600, 3]);
    // Without "all", the page number changes nothing: the 25 most serious.
    const first = await am().reviews.get({ id, breachPage: 3 });
    expect([first.breachOffset, first.snapshot.breaches.length]).toEqual([0, 25]);
    expect(first.snapshot.breaches.map(rank)).toEqual(read.slice(0, 25));
  });

  it("every breach counted in the previous quarter's attainment is listed with its ticket", () => {
    const snap = buildSnapshot(db, NIMBUS, "2026-Q2", TEST_ANCHOR);
    const breached = Object.values(snap.attainment.current.byMetric).reduce((s, f) => s + f.breached, 0);
    expect(breached).toBeGreaterThan(0);
    expect(snap.breaches).toHaveLength(breached);
    const due = { firstResponse: "fr", workaround: "wa", resolution: "res" } as const;
    for (const b of snap.breaches) {
      const row = db.$client.prepare(`SELECT * FROM tickets WHERE id = ?`).get(b.ticketId) as Record<string, unknown>;
      expect(row.organization_id).toBe(NIMBUS);
      const p = due[b.metric];
      expect({ subject: b.subject, priority: b.priority, dueAt: b.dueAt, achievedAt: b.achievedAt }).toEqual({
        subject: row.subject,
        priority: row.priority,
        dueAt: new Date(row[`${p}_due_at`] as number).toISOString(),
        achievedAt: row[`${p}_achieved_at`] === null ? null : new Date(row[`${p}_achieved_at`] as number).toISOString(),
      });
    }
  });

  it("open action items of the previous review carry over, linked to their origin", async () => {
    const prev = db
      .select({ id: reviews.id })
      .from(reviews)
      .where(and(eq(reviews.organizationId, NIMBUS), eq(reviews.quarter, "2026-Q2")))
      .get()!;
    const open = db
      .select()
      .from(actionItems)
      .where(eq(actionItems.reviewId, prev.id))
      .all()
      .filter((a) => a.status !== "done");
    expect(open.length).toBeGreaterThan(0);
    const carried = db
      .select()
      .from(actionItems)
      .where(eq(actionItems.reviewId, id))
      .orderBy(asc(actionItems.id))
      .all();
    expect(carried.map((a) => [a.title, a.status, a.carriedFromId])).toEqual(
      open.map((a) => [a.title, a.status, a.id]),
    );
  });

  it("the preview computes the same figures without storing a review; outside the portfolio it is refused", async () => {
    const before = db.select().from(reviews).all().length;
    const preview = await am().reviews.preview({ organizationId: NIMBUS, quarter: Q3 });
    const stored = await am().reviews.get({ id });
    expect(preview.attainment).toEqual(stored.snapshot.attainment);
    expect(preview.volume).toEqual(stored.snapshot.volume);
    expect(db.select().from(reviews).all()).toHaveLength(before);
    await expectCode(
      callerAs(db, "am2@attain.test").reviews.preview({ organizationId: NIMBUS, quarter: Q3 }),
      "FORBIDDEN",
    );
    await expectCode(
      callerAs(db, "dev@nimbus.example").reviews.preview({ organizationId: NIMBUS, quarter: Q3 }),
      "FORBIDDEN",
    );
  });

  it("a second review of the same quarter is refused (CONFLICT); a quarter not yet ended or malformed is refused", async () => {
    await expectCode(am().reviews.generate({ organizationId: NIMBUS, quarter: Q3 }), "CONFLICT");
    await expectCode(am().reviews.generate({ organizationId: NIMBUS, quarter: "2026-Q4" }), "BAD_REQUEST");
    await expectCode(am().reviews.generate({ organizationId: NIMBUS, quarter: "2026-Q5" }), "BAD_REQUEST");
  });

  it("the draft is invisible to the customer; the narrative and action items are edited", async () => {
    await expectCode(callerAs(db, "dev@nimbus.example").reviews.get({ id }), "NOT_FOUND");
    expect((await callerAs(db, "dev@nimbus.example").reviews.list({})).map((r) => r.quarter)).not.toContain(Q3);
    await am().reviews.updateNarrative({ id, narrative: "A calm quarter with fast first responses." });
    const { id: itemId } = await am().reviews.saveActionItem({
      reviewId: id,
      title: "Adopt SDK 4.2",
      side: "customer",
      owner: "Dana (Nimbus)",
      dueDate: "2026-12-31",
      status: "open",
    });
    await am().reviews.saveActionItem({
      reviewId: id,
      id: itemId,
      title: "Adopt SDK 4.2",
      side: "customer",
      owner: "Dana (Nimbus)",
      dueDate: "2026-12-31",
      status: "in_progress",
    });
    const row = db.select().from(actionItems).where(eq(actionItems.id, itemId)).get()!;
    expect(row).toMatchObject({ status: "in_progress", owner: "Dana (Nimbus)", reviewId: id });
    expect(db.select().from(reviews).where(eq(reviews.id, id)).get()!.narrative).toBe(
      "A calm quarter with fast first responses.",
    );
    await expectCode(
      am().reviews.saveActionItem({
        reviewId: id,
        title: "Bad",
        side: "vendor",
        owner: "Amelia",
        dueDate: "2026-02-30",
        status: "open",
      }),
      "BAD_REQUEST",
    );
  });

  it("an account manager outside the portfolio, an agent and a customer cannot edit, share or generate", async () => {
    const am2 = callerAs(db, "am2@attain.test");
    await expectCode(am2.reviews.updateNarrative({ id, narrative: "x" }), "FORBIDDEN");
    await expectCode(am2.reviews.share({ id }), "FORBIDDEN");
    await expectCode(am2.reviews.generate({ organizationId: NIMBUS, quarter: "2025-Q4" }), "FORBIDDEN");
    await expectCode(callerAs(db, "agent@attain.test").reviews.share({ id }), "FORBIDDEN");
    await expectCode(callerAs(db, "dev@nimbus.example").reviews.updateNarrative({ id, narrative: "x" }), "FORBIDDEN");
    await expectCode(callerAs(db, null).reviews.get({ id }), "UNAUTHORIZED");
    expect((await callerAs(db, "agent@attain.test").reviews.get({ id })).canEdit).toBe(false);
  });

  it("sharing notifies the organization's customers, logs a review engagement, and the customer reads it without health internals", async () => {
    // A customer who reads Chinese gets the mail in Chinese, the quarter written as 2026年第3季度.
    db.update(users).set({ locale: "zh" }).where(eq(users.email, "qa@nimbus.example")).run();
    await am().reviews.share({ id });
    const mailTo = (email: string) =>
      db.select().from(outbox).where(eq(outbox.to, email)).orderBy(desc(outbox.id)).get();
    expect(mailTo("qa@nimbus.example")?.subject).toBe("您的2026年第3季度服务回顾");
    expect(mailTo("qa@nimbus.example")?.body).not.toContain(Q3);
    expect(mailTo("cto@nimbus.example")?.subject).toBe(`Your service review for ${Q3}`);
    await expectCode(am().reviews.share({ id }), "CONFLICT");
    await expectCode(am().reviews.updateNarrative({ id, narrative: "changed" }), "CONFLICT");
    const dev = userId("dev@nimbus.example");
    expect(
      db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, dev), eq(notifications.kind, "review_shared")))
        .all(),
    ).toHaveLength(1);
    // The timeline entry stores no English sentence: it names the review, and each reader's page names it in their words.
    expect(
      db
        .select({ title: engagements.title })
        .from(engagements)
        .where(and(eq(engagements.organizationId, NIMBUS), eq(engagements.reviewId, id)))
        .all(),
    ).toEqual([{ title: "" }]);
    const timeline = await callerAs(db, "dev@nimbus.example").accounts.timeline({ organizationId: NIMBUS });
    expect(timeline.filter((e) => e.review)).toEqual([
      expect.objectContaining({ kind: "review", title: "", review: { id, quarter: Q3 } }),
    ]);
    const seen = await callerAs(db, "dev@nimbus.example").reviews.get({ id });
    expect(seen).toMatchObject({
      status: "shared",
      canEdit: false,
      canAcknowledge: true,
      narrative: "A calm quarter with fast first responses.",
    });
    expect(seen.snapshot.health).toBeNull();
    await expectCode(callerAs(db, "ops@orbit.example").reviews.get({ id }), "NOT_FOUND");
    await expectCode(callerAs(db, "ops@orbit.example").reviews.list({ organizationId: NIMBUS }), "NOT_FOUND");
  });

  it("only a customer of the organization acknowledges, once; who and when are recorded", async () => {
    await expectCode(am().reviews.acknowledge({ id }), "FORBIDDEN");
    await expectCode(callerAs(db, "ops@orbit.example").reviews.acknowledge({ id }), "NOT_FOUND");
    await callerAs(db, "dev@nimbus.example").reviews.acknowledge({ id });
    const row = db.select().from(reviews).where(eq(reviews.id, id)).get()!;
    expect(row).toMatchObject({
      status: "acknowledged",
      acknowledgedById: userId("dev@nimbus.example"),
      acknowledgedAt: TEST_ANCHOR,
    });
    await expectCode(callerAs(db, "cto@nimbus.example").reviews.acknowledge({ id }), "CONFLICT");
    expect((await am().reviews.get({ id })).acknowledgedBy).toBe(
      db.select({ name: users.name }).from(users).where(eq(users.email, "dev@nimbus.example")).get()!.name,
    );
    expect(
      db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entity, "review"), eq(auditLog.entityId, String(id))))
        .all()
        .map((a) => a.action),
    ).toEqual(expect.arrayContaining(["review.generate", "review.narrative", "review.share", "review.acknowledge"]));
  });

  it("action items are removed only from drafts", async () => {
    const item = db.select().from(actionItems).where(eq(actionItems.reviewId, id)).get()!;
    await expectCode(am().reviews.deleteActionItem({ reviewId: id, id: item.id }), "CONFLICT");
    const { id: draft } = await callerAs(db, "manager@attain.test").reviews.generate({
      organizationId: NIMBUS,
      quarter: "2025-Q4",
    });
    const { id: itemId } = await am().reviews.saveActionItem({
      reviewId: draft,
      title: "Temporary",
      side: "vendor",
      owner: "Amelia",
      dueDate: "2026-01-31",
      status: "open",
    });
    await am().reviews.deleteActionItem({ reviewId: draft, id: itemId });
    expect(db.select().from(actionItems).where(eq(actionItems.id, itemId)).get()).toBeUndefined();
    await expectCode(am().reviews.deleteActionItem({ reviewId: draft, id: item.id }), "NOT_FOUND");
  });

  it("lists: the customer sees only shared reviews of their organization; an account manager's own portfolio with mine", async () => {
    const customer = await callerAs(db, "dev@nimbus.example").reviews.list({});
    expect(customer.length).toBeGreaterThan(0);
    expect(customer.every((r) => r.organizationId === NIMBUS && r.status !== "draft")).toBe(true);
    const mine = await am().reviews.list({ mine: true });
    const am2Orgs = new Set(
      db.$client
        .prepare(
          "select id from organizations where account_manager_id = ? and coalesce(technical_account_manager_id, 0) != ?",
        )
        .all(userId("am2@attain.test"), userId("am@attain.test"))
        .map((r) => (r as { id: number }).id),
    );
    expect(mine.some((r) => am2Orgs.has(r.organizationId))).toBe(false);
    expect(mine.some((r) => r.organizationId === NIMBUS)).toBe(true);
  });
});

describe("the demo's seeded reviews", () => {
  it("show the figures of their quarter (seeded after the rollups, not n=0)", () => {
    const db = createTestDb();
    const rows = db.$client.prepare(`SELECT snapshot FROM reviews`).all() as { snapshot: string }[];
    expect(rows.length).toBeGreaterThan(10);
    const counted = rows.filter((r) => {
      const s = JSON.parse(r.snapshot) as { attainment: { current: { byMetric: { firstResponse: { n: number } } } } };
      return s.attainment.current.byMetric.firstResponse.n > 0;
    });
    expect(counted.length / rows.length).toBeGreaterThan(0.9);
  });
});
