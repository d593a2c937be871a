import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import { calendars, meetingRequests, organizations, targets, tiers, users } from "@/db/schema";
import { PRIORITIES, type TierCode } from "@/db/schema/enums";
import { currentTargetVersionId, TARGET_CELL } from "@/server/sla/load";
import { notifyAccountPeople } from "@/server/accounts/notify";
import { mailMessages, portalLink } from "@/server/identity/mail";
import type { SessionUser } from "@/server/auth/session";
import { recordAudit } from "@/server/audit/service";
import { perDatabase, type Db } from "@/server/db";
import { DomainError, notFound } from "@/server/errors";
import { typicalBusinessDayMinutes } from "@/server/sla/business-day";
import { coverageByPriority, SDK_SUPPORT_MONTHS } from "./scope";

/**
 * Everything a tier's public service scope page states, from the data an admin edits: channels,
 * named contacts, reviews, alerts, the availability commitment and its credit schedule, the
 * current targets by priority with each priority's coverage, and the regional support calendars.
 * Public: names no organization.
 * @throws DomainError NOT_FOUND for an unknown tier.
 */
export function serviceScope(db: Db, code: TierCode) {
  const tier = db.select().from(tiers).where(eq(tiers.code, code)).get();
  if (!tier) throw notFound("Tier");
  const cells = db
    .select(TARGET_CELL)
    .from(targets)
    .where(eq(targets.versionId, currentTargetVersionId(db, tier.id)))
    .all();
  const regional = db
    .select({ name: calendars.name, region: calendars.region, timeZone: calendars.timeZone, hours: calendars.hours })
    .from(calendars)
    .where(isNotNull(calendars.region))
    .orderBy(asc(calendars.name))
    .all()
    .flatMap((c) => (c.region ? [{ ...c, region: c.region }] : []));
  const all = db.select({ code: tiers.code }).from(tiers).orderBy(asc(tiers.rank)).all();
  return {
    tier: {
      code: tier.code,
      channels: tier.channels,
      namedContacts: tier.namedContacts,
      reviewCadence: tier.reviewCadence,
      proactiveAlerts: tier.proactiveAlerts,
      availabilityCommitment: tier.availabilityCommitment,
      creditSchedule: tier.creditSchedule,
      hotline: tier.hotline,
    },
    tiers: all.map((t) => t.code),
    targets: cells,
    coverage: coverageByPriority(cells, PRIORITIES),
    businessDayMinutes: typicalBusinessDayMinutes(regional),
    calendars: regional,
    sdkSupportMonths: SDK_SUPPORT_MONTHS,
  };
}

/**
 * How a tier change request's meeting request topic starts ("Tier change: basic → enterprise"): the
 * open request is found by it (a meeting a customer asked for under such a topic counts as one too).
 */
const TIER_CHANGE_TOPIC = "Tier change: ";

/**
 * A customer asks to change their organization's tier. The request lands in the account team's
 * meeting requests (to be discussed and answered there) and notifies the account manager and TAM;
 * an organization without named contacts (Basic) reaches every account manager instead, so the
 * request never goes unread. Audited. An organization has one tier change request open at a time:
 * until the account team answers it (scheduled or declined), another is refused, so a double
 * submit or a colleague's second request files one. The check reads inside the write transaction,
 * which holds the write lock from BEGIN on SQLite and PostgreSQL alike (decision 029).
 * @throws DomainError CONFLICT when the organization already has that tier, or a request is open.
 */
export function requestTierChange(
  db: Db,
  user: SessionUser,
  organizationId: number,
  input: { tierCode: TierCode; note: string },
  now: Date,
): { id: number } {
  const org = db
    .select({
      name: organizations.name,
      tierCode: tiers.code,
      am: organizations.accountManagerId,
      tam: organizations.technicalAccountManagerId,
    })
    .from(organizations)
    .innerJoin(tiers, eq(tiers.id, organizations.tierId))
    .where(eq(organizations.id, organizationId))
    .get();
  if (!org) throw notFound("Organization");
  if (org.tierCode === input.tierCode)
    throw new DomainError("CONFLICT", "Your organization already has this tier.", "serviceScope.errors.sameTier");
  const note = input.note.trim();
  return db.transaction(
    (tx) => {
      const open = tx
        .select({ id: meetingRequests.id })
        .from(meetingRequests)
        .where(
          and(
            eq(meetingRequests.organizationId, organizationId),
            eq(meetingRequests.status, "requested"),
            // Compared exactly: LIKE ignores case on SQLite but not on PostgreSQL.
            sql`substr(${meetingRequests.topic}, 1, ${sql.raw(String(TIER_CHANGE_TOPIC.length))}) = ${TIER_CHANGE_TOPIC}`,
          ),
        )
        .get();
      if (open)
        throw new DomainError(
          "CONFLICT",
          "Your organization's tier change request is already with your account team; they will contact you.",
          "serviceScope.errors.requestPending",
        );
      const row = tx
        .insert(meetingRequests)
        .values({
          organizationId,
          requestedById: user.id,
          topic: `${TIER_CHANGE_TOPIC}${org.tierCode} → ${input.tierCode}`,
          preferredTimes: note === "" ? "—" : note,
          channel: "video",
          createdAt: now,
        })
        .returning({ id: meetingRequests.id })
        .get();
      const team = [org.am, org.tam].filter((x): x is number => x !== null);
      const recipients =
        team.length > 0
          ? team
          : tx
              .select({ id: users.id })
              .from(users)
              .where(and(eq(users.role, "account_manager"), eq(users.active, true)))
              .all()
              .map((u) => u.id);
      notifyAccountPeople(tx, recipients, {
        kind: "meeting_requested",
        mail: (t) => {
          const mail = mailMessages(t, "accountMail.tierChangeRequested", {
            name: user.name,
            organization: org.name,
            from: t(`tier.${org.tierCode}`),
            to: t(`tier.${input.tierCode}`),
            link: portalLink("/portfolio"),
          });
          return note ? { ...mail, body: `${mail.body}\n\n${t("accountMail.note", { note })}` } : mail;
        },
        now,
      });
      recordAudit(tx, {
        at: now,
        actorId: user.id,
        action: "organization.tierChangeRequested",
        entity: "organization",
        entityId: String(organizationId),
        detail: { before: { tierCode: org.tierCode }, after: { tierCode: input.tierCode }, requestId: row.id, note },
      });
      return row;
    },
    { behavior: "immediate" },
  );
}

/** ourTier's read, prepared once per database: the customer's frame asks for it on every page (issue 25). */
const tierRead = perDatabase((db: Db) =>
  db
    .select({ code: tiers.code, cadence: tiers.reviewCadence })
    .from(organizations)
    .innerJoin(tiers, eq(tiers.id, organizations.tierId))
    .where(eq(organizations.id, sql.placeholder("organization")))
    .prepare(),
);

/**
 * An organization's tier code and whether the tier includes service reviews (Basic has none): what
 * the navigation needs to leave out pages the customer cannot use.
 * @throws DomainError NOT_FOUND for an unknown organization.
 */
export function ourTier(db: Db, organizationId: number): { tierCode: TierCode; reviews: boolean } {
  const row = tierRead(db).get({ organization: organizationId });
  if (!row) throw notFound("Organization");
  return { tierCode: row.code, reviews: row.cadence !== "none" };
}
