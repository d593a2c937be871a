/**
 * Factories shared by the demo seed, the scale seed and the tests: reference data, organizations,
 * users and tickets with realistic event logs whose stored SLA state comes from the SLA engine.
 * Planning (pure, seeded) is kept apart from writing (prepared statements), so the scale seed can
 * write millions of rows with the same plans.
 */
import type Database from "better-sqlite3";
import type { Db } from "@/server/db";
import { addBusinessMinutes, type BusinessCalendar } from "@/server/sla/clock";
import { evaluateSla, type Priority, type SlaEvent, type SlaTargets } from "@/server/sla/evaluate";
import { toStoredSlaState } from "@/server/sla/state";
import { buildSlaTargets } from "@/server/sla/targets";
import { calendars, holidays, targets, targetVersions, tiers } from "../schema";
import {
  EXCLUSION_REASONS,
  PRODUCT_AREAS,
  SDK_PLATFORMS,
  type Channel,
  type EscalationLevel,
  type ProductArea,
  type Region,
  type TicketCategory,
  type TicketStatus,
  type TierCode,
} from "../schema/enums";
import {
  CATEGORY_WEIGHTS,
  CUSTOMER_FOLLOW_UPS,
  DESCRIPTION,
  PAUSE_REQUESTS,
  RESOLUTIONS,
  STAFF_REPLIES,
  SUBJECTS,
  WORKAROUNDS,
} from "./content";
import type { Rng } from "./random";
import { CALENDAR_DEFAULTS, defaultCreditSchedule, TARGET_DEFAULTS, TIER_DEFAULTS } from "./reference";

export type ReferenceIds = {
  tierIds: Record<TierCode, number>;
  versionIds: Record<TierCode, number>;
  calendarIds: Record<Region, number>;
  calendars: Record<Region, BusinessCalendar>;
  /** SLA targets per tier and region, ready for evaluation. */
  slaTargets: Record<TierCode, Record<Region, SlaTargets>>;
};

/** Writes tiers, version 1 of the target matrix, and the regional calendars with holidays. */
export function insertReferenceData(db: Db, now: Date): ReferenceIds {
  return db.transaction((tx) => {
    const tierIds = {} as Record<TierCode, number>;
    const versionIds = {} as Record<TierCode, number>;
    for (const t of TIER_DEFAULTS) {
      const row = tx
        .insert(tiers)
        .values({ ...t, creditSchedule: defaultCreditSchedule(t.availabilityCommitment) })
        .returning({ id: tiers.id })
        .get();
      tierIds[t.code] = row.id;
      const version = tx
        .insert(targetVersions)
        .values({ tierId: row.id, version: 1, createdAt: now, note: "Default targets" })
        .returning({ id: targetVersions.id })
        .get();
      versionIds[t.code] = version.id;
      const cells = Object.entries(TARGET_DEFAULTS[t.code]).flatMap(([priority, metrics]) =>
        Object.entries(metrics).map(([metric, cell]) => ({
          versionId: version.id,
          priority: priority as Priority,
          metric: metric as "firstResponse",
          minutes: cell.minutes,
          calendarMode: cell.calendarMode,
        })),
      );
      tx.insert(targets).values(cells).run();
    }
    const calendarIds = {} as Record<Region, number>;
    const cals = {} as Record<Region, BusinessCalendar>;
    for (const c of CALENDAR_DEFAULTS) {
      const row = tx
        .insert(calendars)
        .values({ code: c.code, name: c.name, region: c.region, timeZone: c.timeZone, hours: c.hours, updatedAt: now })
        .returning({ id: calendars.id })
        .get();
      calendarIds[c.region] = row.id;
      tx.insert(holidays)
        .values(c.holidays.map((h) => ({ calendarId: row.id, date: h.date, name: h.name, source: c.holidaySource })))
        .run();
      cals[c.region] = { timeZone: c.timeZone, hours: c.hours, holidays: c.holidays.map((h) => h.date) };
    }
    const slaTargets = {} as Record<TierCode, Record<Region, SlaTargets>>;
    for (const t of TIER_DEFAULTS) {
      const cells = Object.entries(TARGET_DEFAULTS[t.code]).flatMap(([priority, metrics]) =>
        Object.entries(metrics).map(([metric, cell]) => ({
          priority: priority as Priority,
          metric: metric as "firstResponse",
          ...cell,
        })),
      );
      slaTargets[t.code] = {
        china: buildSlaTargets(cells, cals.china),
        americas: buildSlaTargets(cells, cals.americas),
        emea: buildSlaTargets(cells, cals.emea),
      };
    }
    return { tierIds, versionIds, calendarIds, calendars: cals, slaTargets };
  });
}

export type PlannedEvent = {
  at: Date;
  type: string;
  actorId: number | null;
  data: Record<string, string | number | boolean | null> | null;
};
export type PlannedComment = { at: Date; authorId: number; body: string; visibility: "public" | "internal" };

export type PlannedTicket = {
  organizationId: number;
  requesterId: number;
  subject: string;
  description: string;
  productArea: ProductArea;
  category: TicketCategory;
  priority: Priority;
  status: TicketStatus;
  channel: Channel;
  sdkPlatform: string;
  sdkVersion: string;
  assigneeId: number | null;
  escalationLevel: EscalationLevel;
  targetVersionId: number;
  outsideSla: boolean;
  exclusionReason: (typeof EXCLUSION_REASONS)[number] | null;
  exclusionNote: string | null;
  resolutionKind: "fix" | "answer" | "not_a_defect" | null;
  createdAt: Date;
  updatedAt: Date;
  resolvedAt: Date | null;
  events: PlannedEvent[];
  comments: PlannedComment[];
  rating: { score: number; comment: string | null; at: Date } | null;
  dispute: { reason: string; proposed: Priority; upheld: boolean; at: Date; decidedAt: Date } | null;
};

export type TicketPlanInput = {
  organizationId: number;
  requesterIds: number[];
  agentIds: number[];
  managerId: number;
  targetVersionId: number;
  slaTargets: SlaTargets;
  createdAt: Date;
  anchor: Date;
  priority?: Priority;
};

const PRIORITY_WEIGHTS: readonly (readonly [Priority, number])[] = [
  ["P0", 5],
  ["P1", 15],
  ["P2", 45],
  ["P3", 35],
];
const MIN = 60_000;

/** The instant `factor` of a metric's target after `from`, on the metric's own calendar. */
function alongTarget(
  slaTargets: SlaTargets,
  priority: Priority,
  metric: "firstResponse" | "workaround" | "resolution",
  from: Date,
  factor: number,
): Date | null {
  const t = slaTargets[priority][metric];
  if (!t) return null;
  return addBusinessMinutes(from, Math.max(1, Math.round(t.minutes * factor)), t.calendar);
}

/**
 * Plans one ticket's life: filing, first reply, maybe a pause for the customer, a priority change,
 * a dispute, an escalation, a workaround, resolution and closure. Most metrics land inside their
 * target and some breach; whatever would happen after `anchor` has not happened yet.
 */
export function planTicket(rng: Rng, input: TicketPlanInput): PlannedTicket {
  const productArea = rng.pick(PRODUCT_AREAS);
  const category = rng.weighted(CATEGORY_WEIGHTS);
  let priority = input.priority ?? rng.weighted(PRIORITY_WEIGHTS);
  if (category === "security_vulnerability" && (priority === "P2" || priority === "P3")) priority = "P1";
  if (category === "custom_development") priority = "P3";
  const subject = rng.pick(SUBJECTS[productArea]);
  const platform = rng.pick(SDK_PLATFORMS);
  const version = `4.${rng.int(2, 5)}.${rng.int(0, 3)}`;
  const requesterId = rng.pick(input.requesterIds);
  const assigneeId = rng.pick(input.agentIds);
  const created = input.createdAt;
  const breach = () => rng.chance(0.09);
  const factor = () => (breach() ? 1.05 + rng.next() * 1.5 : 0.1 + rng.next() * 0.8);

  const events: PlannedEvent[] = [{ at: created, type: "created", actorId: requesterId, data: { priority } }];
  const comments: PlannedComment[] = [];
  const push = (at: Date | null, type: string, actorId: number | null, data: PlannedEvent["data"] = null) => {
    if (!at) return null;
    const last = events[events.length - 1]!.at;
    const when = at.getTime() <= last.getTime() ? new Date(last.getTime() + MIN) : at;
    events.push({ at: when, type, actorId, data });
    return when;
  };

  let dispute: PlannedTicket["dispute"] = null;
  const reply = push(
    alongTarget(input.slaTargets, priority, "firstResponse", created, factor()),
    "staffReplied",
    assigneeId,
  );
  if (reply) comments.push({ at: reply, authorId: assigneeId, body: rng.pick(STAFF_REPLIES), visibility: "public" });

  if (reply && priority !== "P0" && rng.chance(0.05)) {
    const raised = (["P0", "P1", "P2", "P3"] as const)[Math.max(0, Number(priority[1]) - 1)]!;
    const at = push(new Date(reply.getTime() + rng.int(10, 240) * MIN), "priorityChanged", assigneeId, {
      priority: raised,
      from: priority,
      reason: "Impact larger than first reported",
    });
    if (at) priority = raised;
  } else if (
    reply &&
    priority !== "P0" &&
    priority !== "P3" &&
    category !== "security_vulnerability" &&
    rng.chance(0.04)
  ) {
    const proposed = (["P0", "P1", "P2", "P3"] as const)[Number(priority[1]) - 1]!;
    const disputedAt = new Date(reply.getTime() + rng.int(30, 600) * MIN);
    const decidedAt = new Date(disputedAt.getTime() + rng.int(60, 1440) * MIN);
    const upheld = rng.chance(0.6);
    if (decidedAt < input.anchor) {
      push(disputedAt, "disputeOpened", requesterId, { kind: "priority", proposed });
      push(decidedAt, "disputeDecided", input.managerId, { kind: "priority", upheld });
      if (upheld) {
        push(decidedAt, "priorityChanged", input.managerId, {
          priority: proposed,
          from: priority,
          disputeUpheld: true,
        });
        priority = proposed;
      }
      dispute = { reason: "All of our users are affected, not a few.", proposed, upheld, at: disputedAt, decidedAt };
    }
  }

  let escalationLevel: EscalationLevel = "L1";
  if (reply && rng.chance(0.1)) {
    escalationLevel = rng.chance(0.2) ? "L3" : "L2";
    push(new Date(reply.getTime() + rng.int(30, 300) * MIN), "escalated", assigneeId, { level: escalationLevel });
  }

  if (reply && rng.chance(0.25)) {
    const pausedAt = push(new Date(reply.getTime() + rng.int(5, 120) * MIN), "paused", assigneeId, {
      status: "pending_customer",
    });
    if (pausedAt)
      comments.push({ at: pausedAt, authorId: assigneeId, body: rng.pick(PAUSE_REQUESTS), visibility: "public" });
    const resumedAt = push(new Date((pausedAt ?? reply).getTime() + rng.int(60, 2880) * MIN), "resumed", requesterId, {
      status: "open",
    });
    if (resumedAt)
      comments.push({
        at: resumedAt,
        authorId: requesterId,
        body: rng.pick(CUSTOMER_FOLLOW_UPS),
        visibility: "public",
      });
  }

  if (reply && rng.chance(0.2)) {
    comments.push({
      at: new Date(reply.getTime() + 5 * MIN),
      authorId: assigneeId,
      body: "Internal: checked the customer's recent SDK logs; similar pattern to the known audio route bug.",
      visibility: "internal",
    });
  }

  if (reply && (priority === "P0" || priority === "P1") && rng.chance(0.8)) {
    const wa = push(alongTarget(input.slaTargets, priority, "workaround", created, factor()), "workaround", assigneeId);
    if (wa) comments.push({ at: wa, authorId: assigneeId, body: rng.pick(WORKAROUNDS), visibility: "public" });
  }

  let resolutionKind: PlannedTicket["resolutionKind"] = null;
  if (reply && category !== "custom_development") {
    const resolved = push(
      alongTarget(input.slaTargets, priority, "resolution", created, factor()),
      "resolved",
      assigneeId,
      { kind: category === "integration_question" ? "answer" : "fix" },
    );
    if (resolved) {
      resolutionKind = category === "integration_question" ? "answer" : "fix";
      comments.push({ at: resolved, authorId: assigneeId, body: rng.pick(RESOLUTIONS), visibility: "public" });
      if (rng.chance(0.03)) {
        const reopened = push(new Date(resolved.getTime() + rng.int(600, 2880) * MIN), "reopened", requesterId);
        if (reopened)
          push(new Date(reopened.getTime() + rng.int(600, 4320) * MIN), "resolved", assigneeId, { kind: "fix" });
      }
      push(new Date(events[events.length - 1]!.at.getTime() + 3 * 24 * 60 * MIN), "closed", null);
    }
  }

  const happened = events.filter((e) => e.at <= input.anchor);
  const lastResolved = [...happened].reverse().find((e) => e.type === "resolved" || e.type === "reopened");
  let exclusionReason: PlannedTicket["exclusionReason"] = null;
  let exclusionNote: string | null = null;
  if (lastResolved?.type === "resolved" && rng.chance(0.03)) {
    exclusionReason = rng.pick(EXCLUSION_REASONS);
    exclusionNote = "The issue was caused outside the vendor's service; see the resolution comment.";
    happened.push({
      at: new Date(lastResolved.at.getTime() + MIN),
      type: "excluded",
      actorId: input.managerId,
      data: { reason: exclusionReason, note: exclusionNote },
    });
  }

  const status = statusFromEvents(happened);
  const rated = status === "resolved" || status === "closed";
  const rating =
    rated && rng.chance(0.6)
      ? {
          score: rng.weighted([
            [5, 45],
            [4, 30],
            [3, 12],
            [2, 8],
            [1, 5],
          ] as const),
          comment: rng.chance(0.3) ? "Quick and clear answers, thank you." : null,
          at: new Date(lastResolved!.at.getTime() + 2 * 60 * MIN),
        }
      : null;
  if (rating && rating.at <= input.anchor)
    happened.push({ at: rating.at, type: "rated", actorId: requesterId, data: { score: rating.score } });
  happened.sort((a, b) => a.at.getTime() - b.at.getTime());

  return {
    organizationId: input.organizationId,
    requesterId,
    subject,
    description: DESCRIPTION(subject, platform, version),
    productArea,
    category,
    priority,
    status,
    channel: rng.weighted([
      ["portal", 70],
      ["email", 15],
      ["chat", 10],
      ["phone", 5],
    ] as const),
    sdkPlatform: platform,
    sdkVersion: version,
    assigneeId: reply && reply <= input.anchor ? assigneeId : rng.chance(0.5) ? assigneeId : null,
    escalationLevel: happened.some((e) => e.type === "escalated") ? escalationLevel : "L1",
    targetVersionId: input.targetVersionId,
    outsideSla: category === "custom_development",
    exclusionReason,
    exclusionNote,
    resolutionKind: status === "resolved" || status === "closed" ? resolutionKind : null,
    createdAt: created,
    updatedAt: happened[happened.length - 1]!.at,
    resolvedAt: status === "resolved" || status === "closed" ? (lastResolved?.at ?? null) : null,
    events: happened,
    comments: comments.filter((c) => c.at <= input.anchor),
    rating: rating && rating.at <= input.anchor ? rating : null,
    dispute: dispute && dispute.decidedAt <= input.anchor ? dispute : null,
  };
}

/** The ticket status implied by the last status-moving event of a log. */
export function statusFromEvents(events: readonly { type: string }[]): TicketStatus {
  let status: TicketStatus = "new";
  for (const e of events) {
    if (e.type === "staffReplied" && status === "new") status = "open";
    else if (e.type === "paused") status = "pending_customer";
    else if (e.type === "resumed" || e.type === "reopened") status = "open";
    else if (e.type === "workaround") status = "workaround_provided";
    else if (e.type === "resolved") status = "resolved";
    else if (e.type === "closed") status = "closed";
  }
  return status;
}

const SLA_TYPES = new Set([
  "created",
  "priorityChanged",
  "staffReplied",
  "paused",
  "resumed",
  "workaround",
  "resolved",
  "reopened",
]);

/** The planned log as the SLA evaluation's events. */
export function plannedSlaEvents(events: readonly PlannedEvent[]): SlaEvent[] {
  return events
    .filter((e) => SLA_TYPES.has(e.type))
    .map((e) =>
      e.type === "created" || e.type === "priorityChanged"
        ? ({
            at: e.at,
            type: e.type,
            priority: e.data!.priority as Priority,
            ...(e.data?.disputeUpheld ? { disputeUpheld: true } : {}),
          } as SlaEvent)
        : ({ at: e.at, type: e.type } as SlaEvent),
    );
}

/** Prepared statements that write planned tickets fast; used inside the caller's transaction. */
export function createTicketWriter(sqlite: Database.Database) {
  const insertTicket = sqlite.prepare(
    `INSERT INTO tickets (organization_id, requester_id, subject, description, product_area, category, priority, status, channel, sdk_platform, sdk_version, assignee_id, escalation_level, target_version_id, outside_sla, exclusion_reason, exclusion_note, resolution_kind, created_at, updated_at, resolved_at, fr_due_at, fr_achieved_at, fr_status, wa_due_at, wa_achieved_at, wa_status, res_due_at, res_achieved_at, res_status, next_due_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
  );
  const insertEvent = sqlite.prepare(
    `INSERT INTO ticket_events (ticket_id, organization_id, at, type, actor_id, data) VALUES (?,?,?,?,?,?)`,
  );
  const insertComment = sqlite.prepare(
    `INSERT INTO comments (ticket_id, author_id, body, visibility, automatic, created_at) VALUES (?,?,?,?,0,?)`,
  );
  const insertRating = sqlite.prepare(
    `INSERT INTO satisfaction_ratings (ticket_id, user_id, score, comment, created_at) VALUES (?,?,?,?,?)`,
  );
  const insertDispute = sqlite.prepare(
    `INSERT INTO disputes (ticket_id, kind, proposed_priority, reason, requested_by_id, status, decided_by_id, decision_note, created_at, decided_at) VALUES (?, 'priority', ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const ms = (d: Date | null) => (d ? d.getTime() : null);

  return {
    /** Writes one planned ticket with its stored SLA state evaluated at `now`; returns its id. */
    write(plan: PlannedTicket, slaTargets: SlaTargets, now: Date, managerId: number): number {
      // Outside the SLA (custom development): no targets, so no clock (as server/sla/service.ts stores it).
      const targets = plan.outsideSla ? { P0: {}, P1: {}, P2: {}, P3: {} } : slaTargets;
      const s = toStoredSlaState(evaluateSla(plannedSlaEvents(plan.events), targets, now));
      const id = Number(
        insertTicket.run(
          plan.organizationId,
          plan.requesterId,
          plan.subject,
          plan.description,
          plan.productArea,
          plan.category,
          plan.priority,
          plan.status,
          plan.channel,
          plan.sdkPlatform,
          plan.sdkVersion,
          plan.assigneeId,
          plan.escalationLevel,
          plan.targetVersionId,
          plan.outsideSla ? 1 : 0,
          plan.exclusionReason,
          plan.exclusionNote,
          plan.resolutionKind,
          ms(plan.createdAt),
          ms(plan.updatedAt),
          ms(plan.resolvedAt),
          ms(s.frDueAt),
          ms(s.frAchievedAt),
          s.frStatus,
          ms(s.waDueAt),
          ms(s.waAchievedAt),
          s.waStatus,
          ms(s.resDueAt),
          ms(s.resAchievedAt),
          s.resStatus,
          ms(s.nextDueAt),
        ).lastInsertRowid,
      );
      for (const e of plan.events)
        insertEvent.run(
          id,
          plan.organizationId,
          e.at.getTime(),
          e.type,
          e.actorId,
          e.data ? JSON.stringify(e.data) : null,
        );
      for (const c of plan.comments) insertComment.run(id, c.authorId, c.body, c.visibility, c.at.getTime());
      if (plan.rating)
        insertRating.run(id, plan.requesterId, plan.rating.score, plan.rating.comment, plan.rating.at.getTime());
      if (plan.dispute) {
        const d = plan.dispute;
        insertDispute.run(
          id,
          d.proposed,
          d.reason,
          plan.requesterId,
          d.upheld ? "upheld" : "rejected",
          managerId,
          d.upheld ? "The customer's impact assessment is right." : "Impact is limited to a subset of users.",
          d.at.getTime(),
          d.decidedAt.getTime(),
        );
      }
      return id;
    },
  };
}
