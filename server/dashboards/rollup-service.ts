import type Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { eq, sql } from "drizzle-orm";
import * as schema from "@/db/schema";
import {
  organizations,
  satisfactionRatings,
  satisfactionRollups,
  slaBreachRollups,
  slaRollups,
  ticketSlaFacts,
  tickets,
} from "@/db/schema";
import type { ProductArea, Region, TicketCategory } from "@/db/schema/enums";
import type { Db } from "@/server/db";
import type { BusinessCalendar } from "@/server/sla/clock";
import type { Priority, SlaTargets } from "@/server/sla/evaluate";
import { loadCalendar, loadTargets } from "@/server/sla/load";
import { monthOf } from "@/server/periods/periods";
import {
  bandOf,
  rollupDeltas,
  sameFacts,
  targetFact,
  targetShareUsed,
  type RollupDeltas,
  type StoredTarget,
  type TicketFacts,
} from "./rollup";

type Tx = Pick<Db, "select" | "insert" | "delete">;
type Status = StoredTarget["status"];

/** The columns of a ticket (with its organization and rating) that decide its contribution. */
export type FactsSource = {
  organizationId: number;
  tierId: number;
  region: Region;
  priority: Priority;
  productArea: ProductArea;
  category: TicketCategory;
  outsideSla: boolean;
  excluded: boolean;
  fr: StoredTarget;
  wa: StoredTarget;
  res: StoredTarget;
  rating: { at: Date; score: number } | null;
};

/** A ticket's facts from its stored state; the first-response band needs the target in force. */
export function factsOf(s: FactsSource, targets: SlaTargets): TicketFacts {
  let frBand: number | null = null;
  const frTarget = targets[s.priority]?.firstResponse;
  if (frTarget && s.fr.achievedAt && s.fr.dueAt && (s.fr.status === "met" || s.fr.status === "breached")) {
    frBand = bandOf(targetShareUsed(s.fr.achievedAt, s.fr.dueAt, frTarget.minutes, frTarget.calendar));
  }
  const underSla = !s.outsideSla;
  return {
    organizationId: s.organizationId,
    tierId: s.tierId,
    region: s.region,
    priority: s.priority,
    productArea: s.productArea,
    category: s.category,
    excluded: s.excluded,
    fr: underSla ? targetFact(s.fr, frBand) : null,
    wa: underSla ? targetFact(s.wa) : null,
    res: underSla ? targetFact(s.res) : null,
    rating: s.rating
      ? { month: monthOf(s.rating.at.getTime()), at: s.rating.at.getTime(), score: s.rating.score }
      : null,
  };
}

function loadSource(tx: Pick<Db, "select">, ticketId: number): FactsSource | null {
  const r = tx
    .select({
      organizationId: tickets.organizationId,
      tierId: organizations.tierId,
      region: organizations.region,
      priority: tickets.priority,
      productArea: tickets.productArea,
      category: tickets.category,
      outsideSla: tickets.outsideSla,
      exclusionReason: tickets.exclusionReason,
      frDueAt: tickets.frDueAt,
      frAchievedAt: tickets.frAchievedAt,
      frStatus: tickets.frStatus,
      waDueAt: tickets.waDueAt,
      waAchievedAt: tickets.waAchievedAt,
      waStatus: tickets.waStatus,
      resDueAt: tickets.resDueAt,
      resAchievedAt: tickets.resAchievedAt,
      resStatus: tickets.resStatus,
      ratingAt: satisfactionRatings.createdAt,
      ratingScore: satisfactionRatings.score,
    })
    .from(tickets)
    .innerJoin(organizations, eq(organizations.id, tickets.organizationId))
    .leftJoin(satisfactionRatings, eq(satisfactionRatings.ticketId, tickets.id))
    .where(eq(tickets.id, ticketId))
    .get();
  if (!r) return null;
  return {
    organizationId: r.organizationId,
    tierId: r.tierId,
    region: r.region,
    priority: r.priority,
    productArea: r.productArea,
    category: r.category,
    outsideSla: r.outsideSla,
    excluded: r.exclusionReason !== null,
    fr: { dueAt: r.frDueAt, achievedAt: r.frAchievedAt, status: r.frStatus },
    wa: { dueAt: r.waDueAt, achievedAt: r.waAchievedAt, status: r.waStatus },
    res: { dueAt: r.resDueAt, achievedAt: r.resAchievedAt, status: r.resStatus },
    rating: r.ratingAt !== null && r.ratingScore !== null ? { at: r.ratingAt, score: r.ratingScore } : null,
  };
}

type FactsRow = typeof ticketSlaFacts.$inferSelect;

function toRow(ticketId: number, f: TicketFacts): FactsRow {
  return {
    ticketId,
    organizationId: f.organizationId,
    tierId: f.tierId,
    region: f.region,
    priority: f.priority,
    productArea: f.productArea,
    category: f.category,
    excluded: f.excluded,
    frOutcome: f.fr?.outcome ?? null,
    frMonth: f.fr?.month ?? null,
    frAt: f.fr?.at ?? null,
    frBand: f.fr?.band ?? null,
    waOutcome: f.wa?.outcome ?? null,
    waMonth: f.wa?.month ?? null,
    waAt: f.wa?.at ?? null,
    resOutcome: f.res?.outcome ?? null,
    resMonth: f.res?.month ?? null,
    resAt: f.res?.at ?? null,
    ratingMonth: f.rating?.month ?? null,
    ratingScore: f.rating?.score ?? null,
    ratingAt: f.rating?.at ?? null,
  };
}

function fromRow(r: FactsRow): TicketFacts {
  const target = (outcome: "met" | "breached" | null, month: string | null, at: number | null, band: number | null) =>
    outcome && month !== null && at !== null ? { outcome, month, at, band } : null;
  return {
    organizationId: r.organizationId,
    tierId: r.tierId,
    region: r.region,
    priority: r.priority,
    productArea: r.productArea,
    category: r.category,
    excluded: r.excluded,
    fr: target(r.frOutcome, r.frMonth, r.frAt, r.frBand),
    wa: target(r.waOutcome, r.waMonth, r.waAt, null),
    res: target(r.resOutcome, r.resMonth, r.resAt, null),
    rating:
      r.ratingMonth !== null && r.ratingScore !== null && r.ratingAt !== null
        ? { month: r.ratingMonth, at: r.ratingAt, score: r.ratingScore }
        : null,
  };
}

function applyDeltas(tx: Tx, d: RollupDeltas) {
  for (const x of d.sla) {
    const [b0, b1, b2, b3, b4, b5, b6] = x.bands;
    tx.insert(slaRollups)
      .values({
        metric: x.metric,
        month: x.month,
        tierId: x.tierId,
        region: x.region,
        priority: x.priority,
        productArea: x.productArea,
        met: x.met,
        breached: x.breached,
        excluded: x.excluded,
        band0: b0,
        band1: b1,
        band2: b2,
        band3: b3,
        band4: b4,
        band5: b5,
        band6: b6,
      })
      .onConflictDoUpdate({
        target: [
          slaRollups.metric,
          slaRollups.month,
          slaRollups.tierId,
          slaRollups.region,
          slaRollups.priority,
          slaRollups.productArea,
        ],
        set: {
          met: sql`${slaRollups.met} + ${x.met}`,
          breached: sql`${slaRollups.breached} + ${x.breached}`,
          excluded: sql`${slaRollups.excluded} + ${x.excluded}`,
          band0: sql`${slaRollups.band0} + ${b0}`,
          band1: sql`${slaRollups.band1} + ${b1}`,
          band2: sql`${slaRollups.band2} + ${b2}`,
          band3: sql`${slaRollups.band3} + ${b3}`,
          band4: sql`${slaRollups.band4} + ${b4}`,
          band5: sql`${slaRollups.band5} + ${b5}`,
          band6: sql`${slaRollups.band6} + ${b6}`,
        },
      })
      .run();
  }
  for (const x of d.breaches) {
    tx.insert(slaBreachRollups)
      .values(x)
      .onConflictDoUpdate({
        target: [
          slaBreachRollups.metric,
          slaBreachRollups.month,
          slaBreachRollups.tierId,
          slaBreachRollups.region,
          slaBreachRollups.priority,
          slaBreachRollups.productArea,
          slaBreachRollups.category,
        ],
        set: { breached: sql`${slaBreachRollups.breached} + ${x.breached}` },
      })
      .run();
  }
  for (const x of d.satisfaction) {
    tx.insert(satisfactionRollups)
      .values(x)
      .onConflictDoUpdate({
        target: [
          satisfactionRollups.month,
          satisfactionRollups.tierId,
          satisfactionRollups.region,
          satisfactionRollups.priority,
          satisfactionRollups.productArea,
        ],
        set: {
          ratings: sql`${satisfactionRollups.ratings} + ${x.ratings}`,
          scoreSum: sql`${satisfactionRollups.scoreSum} + ${x.scoreSum}`,
        },
      })
      .run();
  }
}

/**
 * Brings the rollups up to date with one ticket's stored state: takes away what the ticket last
 * contributed and adds what it contributes now. Runs inside the transaction that rewrote the state
 * (refreshTicketSla), so the dashboards never see a ticket half-counted.
 */
export function updateTicketRollups(tx: Tx, ticketId: number, targets: SlaTargets): void {
  const source = loadSource(tx, ticketId);
  const fresh = source ? factsOf(source, targets) : null;
  const storedRow = tx.select().from(ticketSlaFacts).where(eq(ticketSlaFacts.ticketId, ticketId)).get();
  const stored = storedRow ? fromRow(storedRow) : null;
  if (sameFacts(stored, fresh)) return;
  if (stored) applyDeltas(tx, rollupDeltas(stored, -1));
  if (fresh) {
    applyDeltas(tx, rollupDeltas(fresh, 1));
    const row = toRow(ticketId, fresh);
    tx.insert(ticketSlaFacts).values(row).onConflictDoUpdate({ target: ticketSlaFacts.ticketId, set: row }).run();
  } else if (stored) {
    tx.delete(ticketSlaFacts).where(eq(ticketSlaFacts.ticketId, ticketId)).run();
  }
}

type SourceRow = [
  id: number,
  versionId: number,
  calendarId: number,
  orgId: number,
  tierId: number,
  region: Region,
  priority: Priority,
  productArea: ProductArea,
  category: TicketCategory,
  outsideSla: number,
  exclusion: string | null,
  frDue: number | null,
  frAch: number | null,
  frStatus: Status,
  waDue: number | null,
  waAch: number | null,
  waStatus: Status,
  resDue: number | null,
  resAch: number | null,
  resStatus: Status,
  ratingAt: number | null,
  ratingScore: number | null,
];

const date = (v: number | null) => (v === null ? null : new Date(v));

/**
 * Rebuilds the facts and every rollup from the tickets' stored SLA state, in one transaction: for
 * the seeds, which write tickets in bulk without going through refreshTicketSla, and after
 * `sla:recompute` rewrites state. Raw statements, as the scale seed calls it on a million tickets.
 */
export function rebuildRollups(sqlite: Database.Database): { tickets: number; seconds: number } {
  const started = Date.now();
  const db = drizzle(sqlite, { schema });
  const calendars = new Map<number, BusinessCalendar>();
  const targetCache = new Map<string, SlaTargets>();
  const targetsFor = (versionId: number, calendarId: number): SlaTargets => {
    const key = `${versionId}:${calendarId}`;
    let t = targetCache.get(key);
    if (!t) {
      let calendar = calendars.get(calendarId);
      if (!calendar) calendars.set(calendarId, (calendar = loadCalendar(db, calendarId)));
      targetCache.set(key, (t = loadTargets(db, versionId, calendar)));
    }
    return t;
  };
  const select = sqlite
    .prepare(
      `SELECT t.id, t.target_version_id, o.calendar_id, t.organization_id, o.tier_id, o.region,
              t.priority, t.product_area, t.category, t.outside_sla, t.exclusion_reason,
              t.fr_due_at, t.fr_achieved_at, t.fr_status, t.wa_due_at, t.wa_achieved_at, t.wa_status,
              t.res_due_at, t.res_achieved_at, t.res_status, r.created_at, r.score
         FROM tickets t
         JOIN organizations o ON o.id = t.organization_id
         LEFT JOIN satisfaction_ratings r ON r.ticket_id = t.id
        WHERE t.id >= ? AND t.id < ?`,
    )
    .raw(true);
  const insertFacts = sqlite.prepare(
    `INSERT INTO ticket_sla_facts (ticket_id, organization_id, tier_id, region, priority, product_area, category, excluded,
       fr_outcome, fr_month, fr_at, fr_band, wa_outcome, wa_month, wa_at, res_outcome, res_month, res_at, rating_month, rating_score, rating_at)
     VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
  );
  const sla = new Map<string, { key: unknown[]; v: number[] }>();
  const breaches = new Map<string, { key: unknown[]; v: number }>();
  const satisfaction = new Map<string, { key: unknown[]; v: [number, number] }>();
  let count = 0;
  sqlite.transaction(() => {
    sqlite.exec(
      `DELETE FROM ticket_sla_facts; DELETE FROM sla_rollups; DELETE FROM sla_breach_rollups; DELETE FROM satisfaction_rollups;`,
    );
    const bounds = sqlite
      .prepare(`SELECT coalesce(min(id), 0) AS lo, coalesce(max(id), -1) AS hi FROM tickets`)
      .get() as { lo: number; hi: number };
    // Id windows read whole, as SQLite cannot write on a connection while a read is still stepping.
    for (let lo = bounds.lo; lo <= bounds.hi; lo += 20_000) {
      for (const r of select.all(lo, lo + 20_000) as SourceRow[]) {
        count++;
        const f = factsOf(
          {
            organizationId: r[3],
            tierId: r[4],
            region: r[5],
            priority: r[6],
            productArea: r[7],
            category: r[8],
            outsideSla: r[9] === 1,
            excluded: r[10] !== null,
            fr: { dueAt: date(r[11]), achievedAt: date(r[12]), status: r[13] },
            wa: { dueAt: date(r[14]), achievedAt: date(r[15]), status: r[16] },
            res: { dueAt: date(r[17]), achievedAt: date(r[18]), status: r[19] },
            rating: r[20] !== null && r[21] !== null ? { at: new Date(r[20]), score: r[21] } : null,
          },
          targetsFor(r[1], r[2]),
        );
        const row = toRow(r[0], f);
        insertFacts.run(
          row.ticketId,
          row.organizationId,
          row.tierId,
          row.region,
          row.priority,
          row.productArea,
          row.category,
          row.excluded ? 1 : 0,
          row.frOutcome,
          row.frMonth,
          row.frAt,
          row.frBand,
          row.waOutcome,
          row.waMonth,
          row.waAt,
          row.resOutcome,
          row.resMonth,
          row.resAt,
          row.ratingMonth,
          row.ratingScore,
          row.ratingAt,
        );
        const d = rollupDeltas(f, 1);
        for (const x of d.sla) {
          const key = [x.metric, x.month, x.tierId, x.region, x.priority, x.productArea];
          const k = key.join("|");
          let e = sla.get(k);
          if (!e) sla.set(k, (e = { key, v: new Array<number>(10).fill(0) }));
          const add = [x.met, x.breached, x.excluded, ...x.bands];
          for (let i = 0; i < e.v.length; i++) e.v[i]! += add[i]!;
        }
        for (const x of d.breaches) {
          const key = [x.metric, x.month, x.tierId, x.region, x.priority, x.productArea, x.category];
          const k = key.join("|");
          const e = breaches.get(k);
          if (e) e.v += x.breached;
          else breaches.set(k, { key, v: x.breached });
        }
        for (const x of d.satisfaction) {
          const key = [x.month, x.tierId, x.region, x.priority, x.productArea];
          const k = key.join("|");
          const e = satisfaction.get(k);
          if (e) {
            e.v[0] += x.ratings;
            e.v[1] += x.scoreSum;
          } else satisfaction.set(k, { key, v: [x.ratings, x.scoreSum] });
        }
      }
    }
    const insSla = sqlite.prepare(
      `INSERT INTO sla_rollups (metric, month, tier_id, region, priority, product_area, met, breached, excluded, band0, band1, band2, band3, band4, band5, band6) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
    );
    for (const e of sla.values()) insSla.run(...e.key, ...e.v);
    const insBreach = sqlite.prepare(
      `INSERT INTO sla_breach_rollups (metric, month, tier_id, region, priority, product_area, category, breached) VALUES (?,?,?,?,?,?,?,?)`,
    );
    for (const e of breaches.values()) insBreach.run(...e.key, e.v);
    const insSat = sqlite.prepare(
      `INSERT INTO satisfaction_rollups (month, tier_id, region, priority, product_area, ratings, score_sum) VALUES (?,?,?,?,?,?,?)`,
    );
    for (const e of satisfaction.values()) insSat.run(...e.key, ...e.v);
  })();
  return { tickets: count, seconds: (Date.now() - started) / 1000 };
}
