/**
 * Security advisories: staff (advisories.manage) write a draft in both languages, publish it — which
 * fixes its deadline by severity and tells every organization whose tickets report, or who declare,
 * an SDK version in an affected range (in-app and by email in each person's language, in the same
 * transaction) — and see which organizations have not acknowledged. A customer acknowledges once for
 * their organization (decision 026). Published advisories are public.
 */
import { and, desc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import {
  advisoryOrganizations,
  notifications,
  organizationSdks,
  organizations,
  outbox,
  securityAdvisories,
  tickets,
  users,
} from "@/db/schema";
import type { AdvisoryAffected } from "@/db/schema/advisories";
import type { AdvisorySeverity, Locale, ProductArea } from "@/db/schema/enums";
import { recordAudit } from "@/server/audit/service";
import { can } from "@/server/auth/permissions";
import type { SessionUser } from "@/server/auth/session";
import { perDatabase, type Db } from "@/server/db";
import { DomainError, notFound, refuseIf } from "@/server/errors";
import { mailMessages, mailTime, mailTranslator, portalLink } from "@/server/identity/mail";
import { scoreCvss } from "./cvss";
import { advisoryProblem, affectedOrganizations, fixDueAt } from "./rules";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
type Row = typeof securityAdvisories.$inferSelect;

function present(r: Row) {
  return {
    id: r.id,
    titleEn: r.titleEn,
    titleZh: r.titleZh,
    bodyEn: r.bodyEn,
    bodyZh: r.bodyZh,
    productAreas: r.productAreas,
    affected: r.affected,
    cvssVector: r.cvssVector,
    cvssScore: r.cvssScore,
    severity: r.severity,
    upgradeStepsEn: r.upgradeStepsEn,
    upgradeStepsZh: r.upgradeStepsZh,
    status: r.status,
    publishedAt: r.publishedAt,
    fixDueAt: r.fixDueAt,
  };
}

/** Published advisories, newest first (public); staff who manage them also see drafts. */
export function listAdvisories(db: Pick<Db, "select">, user: SessionUser | null) {
  const staff = can(user, "advisories.manage");
  return db
    .select()
    .from(securityAdvisories)
    .where(staff ? undefined : eq(securityAdvisories.status, "published"))
    .orderBy(desc(securityAdvisories.publishedAt), desc(securityAdvisories.id))
    .limit(200)
    .all()
    .map(present);
}

/**
 * One advisory; a draft "does not exist" for whoever does not manage advisories. A customer also
 * learns whether it was sent to their organization and whether it is acknowledged; staff who manage
 * advisories get every organization it was sent to with its acknowledgement.
 */
export function getAdvisory(db: Pick<Db, "select">, user: SessionUser | null, id: number) {
  const row = db.select().from(securityAdvisories).where(eq(securityAdvisories.id, id)).get();
  const staff = can(user, "advisories.manage");
  if (!row || (row.status !== "published" && !staff)) throw notFound("Advisory");
  const own =
    user?.role === "customer" && user.organizationId !== null
      ? (db
          .select({ acknowledgedAt: advisoryOrganizations.acknowledgedAt })
          .from(advisoryOrganizations)
          .where(
            and(
              eq(advisoryOrganizations.advisoryId, id),
              eq(advisoryOrganizations.organizationId, user.organizationId),
            ),
          )
          .get() ?? null)
      : null;
  return {
    ...present(row),
    ours: own ? { acknowledgedAt: own.acknowledgedAt } : null,
    organizations: staff
      ? db
          .select({
            id: organizations.id,
            name: organizations.name,
            notifiedAt: advisoryOrganizations.notifiedAt,
            acknowledgedAt: advisoryOrganizations.acknowledgedAt,
            acknowledgedBy: users.name,
          })
          .from(advisoryOrganizations)
          .innerJoin(organizations, eq(organizations.id, advisoryOrganizations.organizationId))
          .leftJoin(users, eq(users.id, advisoryOrganizations.acknowledgedById))
          .where(eq(advisoryOrganizations.advisoryId, id))
          .orderBy(organizations.name)
          .all()
      : [],
  };
}

/** The published advisories sent to the customer's organization that it has not acknowledged yet. */
export function pendingForCustomer(db: Db, user: SessionUser) {
  if (user.organizationId === null) return [];
  return pendingRead(db).all({ organization: user.organizationId });
}

/** pendingForCustomer's read, prepared once per database: every customer page's banner asks (issue 25). */
const pendingRead = perDatabase((db: Db) =>
  db
    .select({
      id: securityAdvisories.id,
      titleEn: securityAdvisories.titleEn,
      titleZh: securityAdvisories.titleZh,
      severity: securityAdvisories.severity,
    })
    .from(advisoryOrganizations)
    .innerJoin(securityAdvisories, eq(securityAdvisories.id, advisoryOrganizations.advisoryId))
    .where(
      and(
        eq(advisoryOrganizations.organizationId, sql.placeholder("organization")),
        isNull(advisoryOrganizations.acknowledgedAt),
      ),
    )
    .orderBy(desc(securityAdvisories.publishedAt))
    .limit(20)
    .prepare(),
);

export type AdvisoryInput = {
  id?: number;
  titleEn: string;
  titleZh: string;
  bodyEn: string;
  bodyZh: string;
  productAreas: ProductArea[];
  affected: AdvisoryAffected[];
  cvssVector: string;
  upgradeStepsEn: string;
  upgradeStepsZh: string;
};

/**
 * Staff create or change an advisory (a published one keeps its deadline and is not sent again);
 * the score and severity are computed from the vector, never typed. Audited with before and after.
 */
export function saveAdvisory(db: Db, actor: SessionUser, input: AdvisoryInput, now: Date): { id: number } {
  const affected = input.affected.map((a) => ({
    platform: a.platform,
    range: a.range.trim(),
    fixedVersion: a.fixedVersion?.trim() || null,
  }));
  refuseIf(advisoryProblem({ affected, cvssVector: input.cvssVector }));
  const cvss = scoreCvss(input.cvssVector)!;
  const values = {
    titleEn: input.titleEn,
    titleZh: input.titleZh,
    bodyEn: input.bodyEn,
    bodyZh: input.bodyZh,
    productAreas: [...new Set(input.productAreas)],
    affected,
    cvssVector: cvss.vector,
    cvssScore: cvss.score,
    severity: cvss.severity!,
    upgradeStepsEn: input.upgradeStepsEn,
    upgradeStepsZh: input.upgradeStepsZh,
    updatedAt: now,
  };
  return db.transaction(
    (tx) => {
      const before = input.id
        ? tx.select().from(securityAdvisories).where(eq(securityAdvisories.id, input.id)).get()
        : undefined;
      if (input.id && !before) throw notFound("Advisory");
      const id = before
        ? (tx.update(securityAdvisories).set(values).where(eq(securityAdvisories.id, before.id)).run(), before.id)
        : tx
            .insert(securityAdvisories)
            .values({ ...values, status: "draft", createdById: actor.id, createdAt: now })
            .returning({ id: securityAdvisories.id })
            .get().id;
      recordAudit(tx, {
        actorId: actor.id,
        action: before ? "advisory.update" : "advisory.create",
        entity: "security_advisory",
        entityId: String(id),
        detail: {
          before: before
            ? { severity: before.severity, cvssVector: before.cvssVector, affected: before.affected }
            : null,
          after: { severity: values.severity, cvssVector: values.cvssVector, affected: values.affected },
        },
        at: now,
      });
      return { id };
    },
    { behavior: "immediate" },
  );
}

/** Every organization's SDKs: those its tickets report and those it declares. */
export function organizationSdkVersions(tx: Pick<Db, "selectDistinct" | "select">) {
  const fromTickets = tx
    .selectDistinct({
      organizationId: tickets.organizationId,
      platform: tickets.sdkPlatform,
      version: tickets.sdkVersion,
    })
    .from(tickets)
    .where(and(isNotNull(tickets.sdkPlatform), isNotNull(tickets.sdkVersion)))
    .all();
  const declared = tx
    .select({
      organizationId: organizationSdks.organizationId,
      platform: organizationSdks.platform,
      version: organizationSdks.version,
    })
    .from(organizationSdks)
    .all();
  return [...fromTickets, ...declared];
}

/** The advisory's mail in the recipient's language, its fix deadline in their zone (named). */
export function advisoryMail(
  person: { locale: Locale | null; timeZone: string },
  a: { id: number; titleEn: string; titleZh: string; severity: AdvisorySeverity; cvssScore: number; fixDueAt: Date },
) {
  const t = mailTranslator(person.locale);
  const values = {
    title: person.locale === "zh" ? a.titleZh : a.titleEn,
    severity: t(`advisories.severity.${a.severity}`),
    score: a.cvssScore.toFixed(1),
    due: mailTime(a.fixDueAt, person.locale, person.timeZone),
    link: portalLink(`/advisories/${a.id}`),
  };
  return mailMessages(t, "advisories.mail", values);
}

/**
 * Publishes a draft: sets its fix deadline by severity, records the organizations on an affected
 * version now, and tells each of their active customer users in-app and by email (their language),
 * all in one transaction. Publishing twice is refused.
 */
export function publishAdvisory(db: Db, actor: SessionUser, id: number, now: Date): { organizations: number } {
  return db.transaction(
    (tx) => {
      const row = tx.select().from(securityAdvisories).where(eq(securityAdvisories.id, id)).get();
      if (!row) throw notFound("Advisory");
      if (row.status === "published")
        throw new DomainError("CONFLICT", "This advisory is already published.", "advisories.errors.published");
      const due = fixDueAt(row.severity, now);
      tx.update(securityAdvisories)
        .set({ status: "published", publishedAt: now, publishedById: actor.id, fixDueAt: due, updatedAt: now })
        .where(eq(securityAdvisories.id, id))
        .run();
      const orgIds = affectedOrganizations(row.affected, organizationSdkVersions(tx));
      for (const organizationId of orgIds)
        tx.insert(advisoryOrganizations).values({ advisoryId: id, organizationId, notifiedAt: now }).run();
      notifyOrganizations(tx, orgIds, { ...row, fixDueAt: due }, now);
      recordAudit(tx, {
        actorId: actor.id,
        action: "advisory.publish",
        entity: "security_advisory",
        entityId: String(id),
        detail: {
          before: { status: row.status },
          after: { status: "published", fixDueAt: due, organizations: orgIds },
        },
        at: now,
      });
      return { organizations: orgIds.length };
    },
    { behavior: "immediate" },
  );
}

function notifyOrganizations(tx: Tx, orgIds: number[], a: Row & { fixDueAt: Date }, now: Date) {
  if (orgIds.length === 0) return;
  const people = tx
    .select({ id: users.id, email: users.email, locale: users.locale, timeZone: users.timeZone })
    .from(users)
    .where(and(inArray(users.organizationId, orgIds), eq(users.role, "customer"), isNull(users.deactivatedAt)))
    .all();
  for (const p of people) {
    tx.insert(notifications).values({ userId: p.id, ticketId: null, kind: "security_advisory", createdAt: now }).run();
    const mail = advisoryMail(p, a);
    tx.insert(outbox).values({ to: p.email, subject: mail.subject, body: mail.body, createdAt: now }).run();
  }
}

/**
 * A customer acknowledges an advisory for their organization (one click; the first one counts, a
 * second changes nothing). An advisory not sent to their organization "does not exist" for this.
 */
export function acknowledgeAdvisory(db: Db, user: SessionUser, id: number, now: Date): { acknowledgedAt: Date } {
  return db.transaction(
    (tx) => {
      const orgId = user.organizationId ?? -1;
      const row = tx
        .select()
        .from(advisoryOrganizations)
        .where(and(eq(advisoryOrganizations.advisoryId, id), eq(advisoryOrganizations.organizationId, orgId)))
        .get();
      if (!row) throw notFound("Advisory");
      if (row.acknowledgedAt) return { acknowledgedAt: row.acknowledgedAt };
      tx.update(advisoryOrganizations)
        .set({ acknowledgedAt: now, acknowledgedById: user.id })
        .where(and(eq(advisoryOrganizations.advisoryId, id), eq(advisoryOrganizations.organizationId, orgId)))
        .run();
      recordAudit(tx, {
        actorId: user.id,
        action: "advisory.acknowledge",
        entity: "security_advisory",
        entityId: String(id),
        detail: { before: { acknowledgedAt: null }, after: { organizationId: orgId, acknowledgedAt: now } },
        at: now,
      });
      return { acknowledgedAt: now };
    },
    { behavior: "immediate" },
  );
}
