/**
 * Paging: a new P0 or P1 (filed, raised, emailed, opened by a monitoring alert) reaches the primary
 * on call at once — in the app, by email and through the webhooks subscribed to `page` — and climbs
 * the ladder of ./paging.ts until someone acknowledges. Every step is on the ticket's timeline
 * (ticket_events) and in the paging log (on_call_page_events) with its latency from the trigger.
 */
import { and, asc, eq, isNull, lte, sql } from "drizzle-orm";
import {
  notifications,
  onCallPageEvents,
  onCallPages,
  organizations,
  rotas,
  ticketEvents,
  tickets,
  users,
} from "@/db/schema";
import { isOpenStatus, type PageEventKind, type PageLevel, type PageReason, type Priority } from "@/db/schema/enums";
import type { SessionUser } from "@/server/auth/session";
import type { Db } from "@/server/db";
import { DomainError, notFound } from "@/server/errors";
import { recordAudit } from "@/server/audit/service";
import { portalLink } from "@/server/identity/mail";
import { enqueueWebhookEvent } from "@/server/webhooks/enqueue";
import { onCallInRota, rotaForTicket, unavailableOf, type Rota } from "./load";
import { queueOnCallMail } from "./mail";
import { ackMinutesFor, firstStep, isPagingPriority, nextStep, type PagePeople, type PageStep } from "./paging";

type Writer = Pick<Db, "select" | "insert" | "update">;

function peopleFor(tx: Writer, rota: Rota | null, now: Date): PagePeople {
  if (!rota) return { primary: null, secondary: null, manager: null };
  const who = onCallInRota(tx, rota, now);
  // A deactivated manager can acknowledge nothing either: the ladder ends without them.
  const manager = unavailableOf(tx, [rota.managerId]).length === 0 ? rota.managerId : null;
  return { primary: who.primary, secondary: who.secondary, manager };
}

function logEvent(
  tx: Writer,
  page: { id: number; ticketId: number; triggeredAt: Date },
  kind: PageEventKind,
  level: PageLevel,
  userId: number | null,
  now: Date,
): void {
  tx.insert(onCallPageEvents)
    .values({
      pageId: page.id,
      ticketId: page.ticketId,
      at: now,
      kind,
      level,
      userId,
      latencyMs: Math.max(0, now.getTime() - page.triggeredAt.getTime()),
    })
    .run();
}

/** The timeline entry: appended without re-deriving the SLA (pages change no SLA figure). */
function timeline(
  tx: Writer,
  ticket: { id: number; organizationId: number },
  type: "paged" | "pageAcknowledged" | "pageEscalated",
  actorId: number | null,
  data: Record<string, string | number | boolean | null>,
  now: Date,
): void {
  tx.insert(ticketEvents)
    .values({ ticketId: ticket.id, organizationId: ticket.organizationId, at: now, type, actorId, data })
    .run();
}

/** Sends one step of a page: in-app, email, webhooks, the timeline and the paging log. */
function send(
  tx: Writer,
  page: { id: number; ticketId: number; triggeredAt: Date; priority: Priority },
  ticket: { id: number; organizationId: number; subject: string; organization: string },
  step: PageStep,
  now: Date,
): void {
  const person = tx
    .select({ email: users.email, locale: users.locale, name: users.name })
    .from(users)
    .where(eq(users.id, step.userId))
    .get();
  tx.insert(notifications).values({ userId: step.userId, ticketId: ticket.id, kind: "page", createdAt: now }).run();
  if (person)
    queueOnCallMail(
      tx,
      person.email,
      "page",
      person.locale,
      {
        id: ticket.id,
        priority: page.priority,
        subject: ticket.subject,
        organization: ticket.organization,
        level: step.level,
        attempt: step.attempt,
        link: portalLink("/on-call"),
        ticketLink: portalLink(`/tickets/${ticket.id}`),
      },
      now,
    );
  enqueueWebhookEvent(
    tx,
    "page",
    {
      pageId: page.id,
      ticketId: ticket.id,
      priority: page.priority,
      subject: ticket.subject,
      organization: ticket.organization,
      level: step.level,
      attempt: step.attempt,
      to: person ? { id: step.userId, name: person.name, email: person.email } : { id: step.userId },
      link: portalLink(`/tickets/${ticket.id}`),
    },
    now,
  );
  timeline(
    tx,
    ticket,
    step.kind === "escalated" ? "pageEscalated" : "paged",
    null,
    { level: step.level, userId: step.userId, attempt: step.attempt, person: person?.name ?? null },
    now,
  );
  logEvent(tx, page, step.kind, step.level, step.userId, now);
}

function ticketFacts(tx: Writer, ticketId: number) {
  return tx
    .select({
      id: tickets.id,
      organizationId: tickets.organizationId,
      subject: tickets.subject,
      priority: tickets.priority,
      status: tickets.status,
      organization: organizations.name,
    })
    .from(tickets)
    .innerJoin(organizations, eq(organizations.id, tickets.organizationId))
    .where(eq(tickets.id, ticketId))
    .get();
}

/**
 * Pages the on-call engineer for a ticket that is P0 or P1, inside the caller's transaction (the
 * ticket's filing or priority change): the one call the ticket, email and alert services make.
 * Nothing for other priorities, or when the ticket already has a page waiting for acknowledgement.
 * A rota with nobody on call pages its manager; a ticket no rota covers is logged as an unstaffed
 * page (the on-call page lists it, and the rota page warns of regions without a rota).
 */
export function pageOnCallIfUrgent(
  tx: Writer,
  ticket: { id: number; priority: Priority },
  reason: PageReason,
  now: Date,
): number | null {
  if (!isPagingPriority(ticket.priority)) return null;
  const waiting = tx
    .select({ id: onCallPages.id })
    .from(onCallPages)
    .where(and(eq(onCallPages.ticketId, ticket.id), isNull(onCallPages.acknowledgedAt)))
    .get();
  if (waiting) return null;
  const facts = ticketFacts(tx, ticket.id);
  if (!facts) return null;
  const rota = rotaForTicket(tx, ticket.id);
  const people = peopleFor(tx, rota, now);
  const step = firstStep(people);
  const ack = ackMinutesFor(ticket.priority, rota);
  const page = tx
    .insert(onCallPages)
    .values({
      ticketId: ticket.id,
      rotaId: rota?.id ?? null,
      priority: ticket.priority,
      reason,
      level: step?.level ?? "primary",
      userId: step?.userId ?? null,
      attempts: step ? 1 : 0,
      triggeredAt: now,
      lastPagedAt: step ? now : null,
      nextActionAt: step && step.level !== "manager" ? new Date(now.getTime() + ack * 60_000) : null,
    })
    .returning()
    .get();
  if (step) send(tx, page, facts, step, now);
  else logEvent(tx, page, "unstaffed", "primary", null, now);
  return page.id;
}

/** How many due pages one escalation pass handles at most (the rest wait for the next pass). */
export const ESCALATION_BATCH = 200;

/** Unacknowledged pages whose next re-page or escalation is due at `now`, oldest first, a batch at a time. */
export function duePagesQuery(db: Pick<Db, "select">, now: Date) {
  return db
    .select({ id: onCallPages.id })
    .from(onCallPages)
    .where(
      and(
        isNull(onCallPages.acknowledgedAt),
        sql`${onCallPages.nextActionAt} is not null`,
        lte(onCallPages.nextActionAt, now),
      ),
    )
    .orderBy(asc(onCallPages.nextActionAt))
    .limit(ESCALATION_BATCH);
}

/**
 * The escalation job: each page past its `nextActionAt` and not acknowledged climbs one step, in
 * its own transaction. Reads only due pages (on_call_pages_due_idx). A page whose ticket was
 * resolved or lowered below P1 stops climbing. Returns how many pages moved.
 */
export function escalateDuePages(db: Db, now: Date): number {
  const due = duePagesQuery(db, now).all();
  let moved = 0;
  for (const { id } of due)
    db.transaction((tx) => {
      const page = tx.select().from(onCallPages).where(eq(onCallPages.id, id)).get();
      if (!page || page.acknowledgedAt || !page.nextActionAt || page.nextActionAt > now) return;
      const facts = ticketFacts(tx, page.ticketId);
      if (!facts || !isOpenStatus(facts.status) || !isPagingPriority(facts.priority)) {
        tx.update(onCallPages).set({ nextActionAt: null }).where(eq(onCallPages.id, id)).run();
        return;
      }
      const rota = page.rotaId ? (tx.select().from(rotas).where(eq(rotas.id, page.rotaId)).get() ?? null) : null;
      // Someone deactivated since they were paged is not paged again: the page climbs on.
      const paged = page.userId !== null && unavailableOf(tx, [page.userId]).length === 0 ? page.userId : null;
      const step = nextStep({ level: page.level, attempt: page.attempts, userId: paged }, peopleFor(tx, rota, now));
      if (!step) {
        tx.update(onCallPages).set({ nextActionAt: null }).where(eq(onCallPages.id, id)).run();
        return;
      }
      const ack = ackMinutesFor(page.priority, rota);
      tx.update(onCallPages)
        .set({
          level: step.level,
          userId: step.userId,
          attempts: step.attempt,
          lastPagedAt: now,
          nextActionAt: step.level === "manager" ? null : new Date(now.getTime() + ack * 60_000),
        })
        .where(eq(onCallPages.id, id))
        .run();
      send(tx, page, facts, step, now);
      moved += 1;
    });
  return moved;
}

/**
 * A staff member acknowledges a page: it stops climbing, and the acknowledgement (with its
 * latency from the trigger) goes on the timeline and into the paging log. Acknowledging twice is
 * refused with a translated sentence.
 */
export function acknowledgePage(db: Db, actor: SessionUser, pageId: number, now: Date) {
  return db.transaction((tx) => {
    const page = tx.select().from(onCallPages).where(eq(onCallPages.id, pageId)).get();
    if (!page) throw notFound("Page");
    if (page.acknowledgedAt)
      throw new DomainError(
        "CONFLICT",
        "This page has already been acknowledged.",
        "onCall.errors.alreadyAcknowledged",
      );
    tx.update(onCallPages)
      .set({ acknowledgedAt: now, acknowledgedById: actor.id, nextActionAt: null })
      .where(eq(onCallPages.id, pageId))
      .run();
    const facts = ticketFacts(tx, page.ticketId);
    if (facts)
      timeline(
        tx,
        facts,
        "pageAcknowledged",
        actor.id,
        { level: page.level, latencyMs: now.getTime() - page.triggeredAt.getTime() },
        now,
      );
    logEvent(tx, page, "acknowledged", page.level, actor.id, now);
    recordAudit(tx, {
      actorId: actor.id,
      action: "page.acknowledge",
      entity: "ticket",
      entityId: String(page.ticketId),
      detail: { pageId, before: { acknowledgedAt: null }, after: { acknowledgedAt: now.toISOString() } },
      at: now,
    });
    return { pageId, ticketId: page.ticketId, latencyMs: now.getTime() - page.triggeredAt.getTime() };
  });
}
