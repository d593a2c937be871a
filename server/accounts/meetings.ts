import { and, desc, eq, or, type SQL } from "drizzle-orm";
import { meetingRequests, organizations, users } from "@/db/schema";
import type { MEETING_CHANNELS } from "@/db/schema/enums";
import { assertSeesOrganization, readableOrganization } from "@/server/api/scope";
import type { SessionUser } from "@/server/auth/session";
import { recordAudit } from "@/server/audit/service";
import type { Db } from "@/server/db";
import { DomainError, notFound } from "@/server/errors";
import { mailMessages, portalLink } from "@/server/identity/mail";
import { assertCanManageOrganization } from "./access";
import type { MeetingRequestInput } from "./inputs";
import { notifyAccountPeople } from "./notify";

export type MeetingChannel = (typeof MEETING_CHANNELS)[number];
export type { MeetingRequestInput } from "./inputs";

/** Two meeting topics name the same subject when they differ only in case and surrounding space. */
const sameTopic = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * A customer asks their account manager for a meeting. The request lands in the account team's
 * inbox (account manager and TAM are notified). Tiers without named contacts have nobody to ask,
 * so the request is refused with a pointer to tickets instead of vanishing into a queue. A topic
 * the organization already asked about and the team has not answered yet is refused (a double
 * submit, or a colleague asking again, makes one request); read inside the write transaction,
 * which holds the write lock from BEGIN on SQLite and PostgreSQL alike (decision 029).
 */
export function requestMeeting(
  db: Db,
  user: SessionUser,
  organizationId: number,
  input: MeetingRequestInput,
  now: Date,
): { id: number } {
  const org = db
    .select({
      name: organizations.name,
      am: organizations.accountManagerId,
      tam: organizations.technicalAccountManagerId,
    })
    .from(organizations)
    .where(eq(organizations.id, organizationId))
    .get();
  if (!org) throw notFound("Organization");
  if (org.am === null) {
    throw new DomainError(
      "CONFLICT",
      "Your service tier has no named account manager. Please file a ticket instead.",
      "accounts.errors.noAccountManager",
    );
  }
  return db.transaction((tx) => {
    const waiting = tx
      .select({ topic: meetingRequests.topic })
      .from(meetingRequests)
      .where(and(eq(meetingRequests.organizationId, organizationId), eq(meetingRequests.status, "requested")))
      .all();
    if (waiting.some((r) => sameTopic(r.topic, input.topic)))
      throw new DomainError(
        "CONFLICT",
        "A meeting request on this topic is already waiting for your account team.",
        "accounts.errors.meetingPending",
      );
    const row = tx
      .insert(meetingRequests)
      .values({
        organizationId,
        requestedById: user.id,
        topic: input.topic.trim(),
        preferredTimes: input.preferredTimes.trim(),
        channel: input.channel,
        createdAt: now,
      })
      .returning({ id: meetingRequests.id })
      .get();
    notifyAccountPeople(
      tx,
      [org.am, org.tam].filter((x): x is number => x !== null),
      {
        kind: "meeting_requested",
        mail: (t) =>
          mailMessages(t, "accountMail.meetingRequested", {
            name: user.name,
            organization: org.name,
            topic: input.topic.trim(),
            times: input.preferredTimes.trim(),
            link: portalLink("/portfolio"),
          }),
        now,
      },
    );
    return row;
  });
}

export type MeetingRequestRow = {
  id: number;
  organizationId: number;
  organizationName: string;
  requestedBy: string;
  topic: string;
  preferredTimes: string;
  channel: MeetingChannel;
  status: "requested" | "scheduled" | "declined";
  response: string | null;
  createdAt: Date;
  answeredAt: Date | null;
  canAnswer: boolean;
};

/**
 * Meeting requests the user may see, newest first: a customer their organization's; an account
 * manager those of the organizations they are on the team of (their inbox); managers and admins
 * all, or one organization's when `organizationId` is given.
 */
export function listMeetingRequests(
  db: Db,
  user: SessionUser,
  filter: { organizationId?: number; status?: "requested" | "scheduled" | "declined" },
  limit = 100,
): MeetingRequestRow[] {
  const conditions: (SQL | undefined)[] = [];
  if (user.role === "customer" && user.organizationId === null) return [];
  const organizationId = readableOrganization(user, filter.organizationId);
  if (organizationId !== undefined) conditions.push(eq(meetingRequests.organizationId, organizationId));
  if (user.role === "account_manager")
    conditions.push(
      or(eq(organizations.accountManagerId, user.id), eq(organizations.technicalAccountManagerId, user.id)),
    );
  if (filter.status) conditions.push(eq(meetingRequests.status, filter.status));
  const rows = db
    .select({
      id: meetingRequests.id,
      organizationId: meetingRequests.organizationId,
      organizationName: organizations.name,
      requestedBy: users.name,
      topic: meetingRequests.topic,
      preferredTimes: meetingRequests.preferredTimes,
      channel: meetingRequests.channel,
      status: meetingRequests.status,
      response: meetingRequests.response,
      createdAt: meetingRequests.createdAt,
      answeredAt: meetingRequests.answeredAt,
      am: organizations.accountManagerId,
      tam: organizations.technicalAccountManagerId,
    })
    .from(meetingRequests)
    .innerJoin(organizations, eq(organizations.id, meetingRequests.organizationId))
    .innerJoin(users, eq(users.id, meetingRequests.requestedById))
    .where(and(...conditions))
    .orderBy(desc(meetingRequests.createdAt), desc(meetingRequests.id))
    .limit(limit)
    .all();
  const editor = user.role === "manager" || user.role === "admin";
  return rows.map(({ am, tam, ...r }) => ({
    ...r,
    canAnswer:
      r.status === "requested" && (editor || (user.role === "account_manager" && (am === user.id || tam === user.id))),
  }));
}

/**
 * The account team answers a request: scheduled (with when and how, in the response) or declined
 * (with why). Answered once; the requester is notified in the same transaction.
 */
export function answerMeeting(
  db: Db,
  user: SessionUser,
  input: { id: number; status: "scheduled" | "declined"; response: string },
  now: Date,
): { id: number } {
  return db.transaction((tx) => {
    // Read in the write transaction: two answers at once (two tabs, two servers) answer it once.
    const req = tx.select().from(meetingRequests).where(eq(meetingRequests.id, input.id)).get();
    if (!req) throw notFound("Meeting request");
    assertSeesOrganization(user, req.organizationId, "Meeting request");
    assertCanManageOrganization(tx, user, req.organizationId);
    if (req.status !== "requested")
      throw new DomainError(
        "CONFLICT",
        "This meeting request has already been answered.",
        "accounts.errors.alreadyAnswered",
      );
    tx.update(meetingRequests)
      .set({ status: input.status, response: input.response.trim(), answeredAt: now })
      .where(and(eq(meetingRequests.id, input.id), eq(meetingRequests.status, "requested")))
      .run();
    notifyAccountPeople(tx, [req.requestedById], {
      kind: input.status === "scheduled" ? "meeting_scheduled" : "meeting_declined",
      mail: (t) =>
        mailMessages(t, `accountMail.${input.status === "scheduled" ? "meetingScheduled" : "meetingDeclined"}`, {
          name: user.name,
          topic: req.topic,
          response: input.response.trim(),
          link: portalLink("/organization"),
        }),
      now,
    });
    recordAudit(tx, {
      actorId: user.id,
      action: `meeting.${input.status}`,
      entity: "meeting_request",
      entityId: String(input.id),
      at: now,
    });
    return { id: input.id };
  });
}

/** Ids for the "in" filter of other modules: the organizations an account manager is on the team of. */
export function portfolioOrganizationIds(db: Db, userId: number): number[] {
  return db
    .select({ id: organizations.id })
    .from(organizations)
    .where(or(eq(organizations.accountManagerId, userId), eq(organizations.technicalAccountManagerId, userId)))
    .all()
    .map((o) => o.id);
}
