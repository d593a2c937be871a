/**
 * Telling customers about incidents (issue #19, decision 027): declaring or changing an incident,
 * or posting an update, notifies the subscribed customer users of every affected organization in
 * the portal and by email in their language, times in their own zone, and queues the "incident"
 * event for outgoing webhooks; all inside the caller's transaction (a rolled-back change tells
 * nobody). Planned maintenance is reminded an hour before it starts by a scheduler job that reads
 * only the reminders due (maintenance_reminders, partial index) and marks each sent in the same
 * transaction as its notices, so it goes out once across restarts and workers.
 */
import { and, asc, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import { createTranslator } from "next-intl";
import {
  incidentOrganizations,
  incidents,
  incidentSubscriptions,
  maintenanceReminders,
  notifications,
  organizations,
  outbox,
  users,
} from "@/db/schema";
import type { Locale, NotificationKind } from "@/db/schema/enums";
import type { Db } from "@/server/db";
import en from "@/server/i18n/messages/en.json";
import zh from "@/server/i18n/messages/zh.json";
import { mailTime, portalLink } from "@/server/identity/mail";
import { enqueueWebhookEvent } from "@/server/webhooks/enqueue";
import { covers, defaultSubscription, reminderDueAt, shortNotice } from "./subscription-rules";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
type Reader = Pick<Db, "select">;
type Incident = typeof incidents.$inferSelect;

/** What happened to an incident, as the webhook event's `action` says it. */
export type IncidentAction = "declared" | "changed" | "update_posted" | "ended" | "reminder";

/** The notice (notification kind, and mail in `incidentMail.<kind>`) for an action on an incident. */
export function noticeKind(incident: { planned: boolean }, action: IncidentAction): NotificationKind {
  if (action === "reminder") return "maintenance_reminder";
  if (incident.planned) return action === "declared" ? "maintenance_announced" : "maintenance_updated";
  return action === "declared" ? "incident_declared" : "incident_updated";
}

/** The organizations an incident affects: all in its regions, or those on its list. */
function affectedOrganizationIds(tx: Reader, incident: Incident): number[] {
  if (incident.allOrganizations)
    return tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(inArray(organizations.region, incident.regions))
      .all()
      .map((o) => o.id);
  return tx
    .select({ id: incidentOrganizations.organizationId })
    .from(incidentOrganizations)
    .where(eq(incidentOrganizations.incidentId, incident.id))
    .all()
    .map((o) => o.id);
}

/** The active customer users of the affected organizations whose subscription (or default) covers the incident. */
export function subscribersOf(tx: Reader, incident: Incident) {
  const orgIds = affectedOrganizationIds(tx, incident);
  if (orgIds.length === 0) return [];
  const people = tx
    .select({
      id: users.id,
      email: users.email,
      locale: users.locale,
      timeZone: users.timeZone,
      orgAdmin: users.orgAdmin,
      productAreas: incidentSubscriptions.productAreas,
      regions: incidentSubscriptions.regions,
      incidents: incidentSubscriptions.incidents,
      maintenance: incidentSubscriptions.maintenance,
    })
    .from(users)
    .leftJoin(incidentSubscriptions, eq(incidentSubscriptions.userId, users.id))
    .where(and(inArray(users.organizationId, orgIds), eq(users.role, "customer"), isNull(users.deactivatedAt)))
    .orderBy(asc(users.id))
    .all();
  return people.filter((p) =>
    covers(
      p.productAreas && p.regions && p.incidents !== null && p.maintenance !== null
        ? { productAreas: p.productAreas, regions: p.regions, incidents: p.incidents, maintenance: p.maintenance }
        : defaultSubscription(p.orgAdmin),
      incident,
    ),
  );
}

/** An incident notice in the recipient's language, its times in their zone (named). */
export function incidentMail(
  kind: NotificationKind,
  incident: Incident,
  person: { locale: Locale | null; timeZone: string },
  extra: { update: string | null; now: Date },
): { subject: string; body: string } {
  const lang = person.locale === "zh" ? "zh" : "en";
  const messages = lang === "zh" ? zh : en;
  const t = createTranslator({ locale: lang, messages, namespace: "incidentMail" });
  const area = createTranslator({ locale: lang, messages, namespace: "tickets.productAreas" });
  const region = createTranslator({ locale: lang, messages, namespace: "region" });
  const when = (d: Date) => mailTime(d, person.locale, person.timeZone);
  const values = {
    title: incident.title,
    area: area(incident.productArea),
    regions: incident.regions.map((r) => region(r)).join(lang === "zh" ? "、" : ", "),
    start: when(incident.startedAt),
    end: incident.endedAt ? when(incident.endedAt) : t("openEnded"),
    summary: incident.summary,
    link: portalLink(`/incidents/${incident.id}`),
    settings: portalLink("/account#incident-subscription"),
  };
  const lines = [t(`${kind}.body` as "incident_declared.body", values)];
  if (extra.update) lines.push("", t("update", { update: extra.update }));
  if (kind === "maintenance_announced" && shortNotice(incident.startedAt, extra.now)) lines.push("", t("shortNotice"));
  lines.push("", t("footer", values));
  return { subject: t(`${kind}.subject` as "incident_declared.subject", values), body: lines.join("\n") };
}

/**
 * Tells the subscribers of the affected organizations (in-app and email) and queues the "incident"
 * webhook event, in the caller's transaction. Returns how many people were told.
 */
export function announceIncident(
  tx: Tx,
  incidentId: number,
  action: IncidentAction,
  now: Date,
  update: string | null = null,
): number {
  const incident = tx.select().from(incidents).where(eq(incidents.id, incidentId)).get();
  if (!incident) return 0;
  const kind = noticeKind(incident, action);
  const people = subscribersOf(tx, incident);
  for (const p of people) {
    tx.insert(notifications).values({ userId: p.id, ticketId: null, incidentId, kind, createdAt: now }).run();
    const mail = incidentMail(kind, incident, p, { update, now });
    tx.insert(outbox).values({ to: p.email, subject: mail.subject, body: mail.body, createdAt: now }).run();
  }
  if (action !== "reminder")
    enqueueWebhookEvent(
      tx,
      "incident",
      {
        incidentId: incident.id,
        action,
        kind: incident.planned ? "maintenance" : "outage",
        title: incident.title,
        productArea: incident.productArea,
        regions: incident.regions,
        severity: incident.severity,
        startedAt: incident.startedAt.toISOString(),
        endedAt: incident.endedAt?.toISOString() ?? null,
        summary: incident.summary,
        update,
        link: portalLink(`/incidents/${incident.id}`),
      },
      now,
    );
  return people.length;
}

/**
 * Keeps an incident's one-hour reminder in step with it: planned maintenance that has not started
 * gets a reminder due an hour before its start (a moved start re-arms it); anything else has none.
 */
export function syncReminder(tx: Tx, incident: { id: number; planned: boolean; startedAt: Date }, now: Date): void {
  if (!incident.planned || incident.startedAt.getTime() <= now.getTime()) {
    tx.delete(maintenanceReminders).where(eq(maintenanceReminders.incidentId, incident.id)).run();
    return;
  }
  const dueAt = reminderDueAt(incident.startedAt);
  const row = tx.select().from(maintenanceReminders).where(eq(maintenanceReminders.incidentId, incident.id)).get();
  if (row && row.dueAt.getTime() === dueAt.getTime()) return;
  tx.insert(maintenanceReminders)
    .values({ incidentId: incident.id, dueAt, sentAt: null })
    .onConflictDoUpdate({ target: maintenanceReminders.incidentId, set: { dueAt, sentAt: null, recipients: null } })
    .run();
}

/** Reminders a pass handles at most (the rest wait for the next pass). */
const REMINDER_BATCH = 100;

/**
 * The reminder job's pass: every unsent reminder that is due (read through the partial index), each
 * in its own transaction that marks it sent with its notices. Maintenance that has already started
 * (the server was down through the reminder) is marked without telling anyone: a late reminder
 * would only confuse. Returns how many reminders were sent.
 */
export function sendDueReminders(db: Db, now: Date): number {
  const due = db
    .select({ incidentId: maintenanceReminders.incidentId })
    .from(maintenanceReminders)
    .where(and(isNull(maintenanceReminders.sentAt), lte(maintenanceReminders.dueAt, now)))
    .orderBy(asc(maintenanceReminders.dueAt))
    .limit(REMINDER_BATCH)
    .all();
  let sent = 0;
  for (const { incidentId } of due) {
    db.transaction(
      (tx) => {
        const claimed = tx
          .update(maintenanceReminders)
          .set({ sentAt: now })
          .where(and(eq(maintenanceReminders.incidentId, incidentId), isNull(maintenanceReminders.sentAt)))
          .run();
        if (claimed.changes === 0) return;
        const started = tx
          .select({ n: sql<number>`count(*)` })
          .from(incidents)
          .where(and(eq(incidents.id, incidentId), lte(incidents.startedAt, now)))
          .get();
        const recipients = started && started.n > 0 ? 0 : announceIncident(tx, incidentId, "reminder", now);
        tx.update(maintenanceReminders)
          .set({ recipients })
          .where(eq(maintenanceReminders.incidentId, incidentId))
          .run();
        if (recipients > 0) sent += 1;
      },
      { behavior: "immediate" },
    );
  }
  return sent;
}
