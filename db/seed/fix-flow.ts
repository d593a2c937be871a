/**
 * The demo's road from ticket to fix (issue #20), written after the tickets and the known issues:
 * the known issues linked to open demo tickets (one fixed, so its tickets offer "verify the fix",
 * one being investigated, one with its fix scheduled), a published critical security advisory for
 * Android 4.2.0 to 4.4.x sent to the organizations on those versions (some acknowledged, some
 * not), the SDK versions Nimbus Live declares, and feature requests with votes from several
 * organizations (one planned on the roadmap, one under review, one shipped). Everything is derived
 * from the demo's anchor and its seeded tickets, so a reseed writes the same rows.
 */
import type Database from "better-sqlite3";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import {
  advisoryOrganizations,
  featureRequests,
  featureVotes,
  knownIssues,
  notifications,
  organizations,
  organizationSdks,
  securityAdvisories,
  ticketEvents,
  tickets,
  users,
} from "@/db/schema";
import type { AdvisoryAffected } from "@/db/schema/advisories";
import type { FeatureStatus, ProductArea } from "@/db/schema/enums";
import { scoreCvss } from "@/server/advisories/cvss";
import { affectedOrganizations, fixDueAt } from "@/server/advisories/rules";
import { organizationSdkVersions } from "@/server/advisories/service";
import type { Db } from "@/server/db";
import { featureAckDueAt } from "@/server/requests/rules";
import { loadCalendar } from "@/server/sla/load";
import { createTicketWriter, type PlannedComment, type PlannedEvent, type PlannedTicket } from "./factories";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

const DAY = 86_400_000;
const HOUR = 3_600_000;
const OPEN = ["new", "open", "pending_customer", "workaround_provided"] as const;
const NO_TARGETS = { P0: {}, P1: {}, P2: {}, P3: {} };

/** The demo's people the flow acts as. */
export type FixFlowStaff = { adminId: number; agentId: number; managerId: number };

/** The customers of the n-th demo organization, in the order they were written (dev, cto/lead/ops, ...). */
function people(tx: Tx, organizationId: number): number[] {
  return tx
    .select({ id: users.id })
    .from(users)
    .where(eq(users.organizationId, organizationId))
    .orderBy(asc(users.id))
    .all()
    .map((u) => u.id);
}

/**
 * Links a known issue to the first open defect of an organization not linked yet (preferring the
 * issue's product area), as an agent would: the ticket's field and a `knownIssueLinked` event.
 */
function linkOpenTicket(
  tx: Tx,
  issueId: number,
  organizationId: number,
  productArea: string,
  at: Date,
  agentId: number,
) {
  const t = tx
    .select({ id: tickets.id, createdAt: tickets.createdAt, updatedAt: tickets.updatedAt })
    .from(tickets)
    .where(
      and(
        eq(tickets.organizationId, organizationId),
        inArray(tickets.status, [...OPEN]),
        isNull(tickets.knownIssueId),
        inArray(tickets.category, ["functional_bug", "compatibility", "performance"]),
      ),
    )
    .orderBy(sql`${tickets.productArea} = ${productArea} desc`, asc(tickets.id))
    .get();
  if (!t) return;
  const when = new Date(Math.min(Math.max(at.getTime(), t.createdAt.getTime() + HOUR), at.getTime() + DAY));
  tx.insert(ticketEvents)
    .values({
      ticketId: t.id,
      organizationId,
      at: when,
      type: "knownIssueLinked",
      actorId: agentId,
      data: { knownIssueId: issueId },
    })
    .run();
  tx.update(tickets)
    .set({ knownIssueId: issueId, updatedAt: new Date(Math.max(t.updatedAt.getTime(), when.getTime())) })
    .where(eq(tickets.id, t.id))
    .run();
}

function linkKnownIssues(tx: Tx, orgIds: number[], anchor: Date, agentId: number) {
  const byTitle = (title: string) => tx.select().from(knownIssues).where(eq(knownIssues.titleEn, title)).get();
  const links: [string, number[]][] = [
    // fixed in 4.4.3: Nimbus Live and Orbit Chat are asked to verify the fix
    ["Messages sent while reconnecting arrive twice", [orgIds[0]!, orgIds[1]!]],
    // being investigated
    ["Screen sharing shows a black frame on macOS 15 with two displays", [orgIds[0]!, orgIds[3]!]],
    // fix scheduled for 4.5.1
    ["Joining a channel times out after switching from Wi-Fi to 5G", [orgIds[1]!, orgIds[2]!]],
  ];
  for (const [title, orgs] of links) {
    const issue = byTitle(title);
    if (!issue) continue;
    for (const organizationId of orgs)
      linkOpenTicket(tx, issue.id, organizationId, issue.productArea, new Date(anchor.getTime() - 2 * DAY), agentId);
  }
}

/** The advisory the demo's Android 4.4 to 4.5 migration guide refers to ("the token replay vulnerability of 4.2.0 to 4.4.x"). */
const ADVISORY = {
  titleEn: "Token replay when rejoining a channel with the Android SDK",
  titleZh: "Android SDK 重新加入频道时令牌可被重放",
  bodyEn:
    "An attacker on the same network who captures a join request can replay its token to join the channel as that user until the token expires. Versions 4.2.0 to 4.4.x of the Android SDK accept a token again after a reconnect.",
  bodyZh:
    "与用户处于同一网络的攻击者截获加入请求后，可在令牌过期前重放该令牌，以该用户身份加入频道。Android SDK 4.2.0 至 4.4.x 版本在重连后会再次接受同一令牌。",
  productAreas: ["voice_calling", "video_calling"] as ProductArea[],
  affected: [{ platform: "android", range: ">=4.2.0 <4.5.0", fixedVersion: "4.5.1" }] as AdvisoryAffected[],
  cvssVector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
  upgradeStepsEn:
    "1. Upgrade the Android SDK to 4.5.1 (see the migration guide from 4.4 to 4.5).\n2. Shorten token lifetimes to 24 hours and renew them in onTokenPrivilegeWillExpire.\n3. Revoke the tokens issued before the upgrade.",
  upgradeStepsZh:
    "1. 将 Android SDK 升级到 4.5.1（参见 4.4 到 4.5 的迁移指南）。\n2. 将令牌有效期缩短为 24 小时，并在 onTokenPrivilegeWillExpire 中续期。\n3. 吊销升级前签发的令牌。",
};

/**
 * Nimbus Live declares what it ships; the advisory is published three days before the anchor to
 * every organization on an affected Android version (by its tickets or declarations), and every
 * other one of them (Nimbus Live first) has acknowledged it a day later.
 */
function publishAdvisory(tx: Tx, orgIds: number[], anchor: Date, adminId: number) {
  const declaredAt = new Date(anchor.getTime() - 30 * DAY);
  for (const [platform, version] of [
    ["android", "4.4.2"],
    ["ios", "4.5.0"],
    ["web", "4.3.1"],
  ] as const)
    tx.insert(organizationSdks)
      .values({ organizationId: orgIds[0]!, platform, version, declaredAt })
      .onConflictDoNothing()
      .run();

  const publishedAt = new Date(anchor.getTime() - 3 * DAY);
  const score = scoreCvss(ADVISORY.cvssVector)!;
  const { id } = tx
    .insert(securityAdvisories)
    .values({
      ...ADVISORY,
      cvssScore: score.score,
      severity: score.severity!,
      status: "published",
      publishedAt,
      fixDueAt: fixDueAt(score.severity!, publishedAt),
      createdById: adminId,
      publishedById: adminId,
      createdAt: new Date(publishedAt.getTime() - 2 * HOUR),
      updatedAt: publishedAt,
    })
    .returning({ id: securityAdvisories.id })
    .get();
  const sent = affectedOrganizations(ADVISORY.affected, organizationSdkVersions(tx));
  sent.forEach((organizationId, i) => {
    const customers = people(tx, organizationId);
    const acknowledged = i % 2 === 0;
    tx.insert(advisoryOrganizations)
      .values({
        advisoryId: id,
        organizationId,
        notifiedAt: publishedAt,
        acknowledgedAt: acknowledged ? new Date(publishedAt.getTime() + DAY) : null,
        // the organization's administrator (the second person) acknowledges
        acknowledgedById: acknowledged ? (customers[1] ?? customers[0] ?? null) : null,
      })
      .run();
    for (const userId of customers)
      tx.insert(notifications)
        .values({
          userId,
          ticketId: null,
          kind: "security_advisory",
          createdAt: publishedAt,
          readAt: acknowledged ? new Date(publishedAt.getTime() + DAY) : null,
        })
        .run();
  });
}

type FeatureSpec = {
  org: number;
  requester: number;
  subject: string;
  description: string;
  productArea: ProductArea;
  daysAgo: number;
  status: FeatureStatus;
  note: string | null;
  /** [organization index, person index] of each voter. */
  voters: [number, number][];
};

const FEATURES: FeatureSpec[] = [
  {
    org: 0,
    requester: 0,
    subject: "Noise suppression presets for music, speech and noisy rooms",
    description:
      "Tuning the noise suppression for each kind of room takes us a week per app. Presets for music, speech and noisy rooms would cover most of our cases.",
    productArea: "voice_calling",
    daysAgo: 24,
    status: "planned",
    note: "Planned for the 4.6 release.",
    voters: [
      [0, 1],
      [1, 0],
      [1, 1],
      [2, 0],
    ],
  },
  {
    org: 1,
    requester: 1,
    subject: "Export each channel's usage minutes as CSV",
    description: "Our finance team bills customers per channel; today we add up the usage report by hand.",
    productArea: "other",
    daysAgo: 2,
    status: "under_review",
    note: null,
    voters: [
      [0, 2],
      [1, 2],
    ],
  },
  {
    org: 2,
    requester: 0,
    subject: "Spatial audio in the Unity SDK",
    description: "Players should hear teammates from the direction they stand in.",
    productArea: "voice_calling",
    daysAgo: 150,
    status: "shipped",
    note: "Shipped in 4.5.0.",
    voters: [
      [0, 1],
      [2, 1],
    ],
  },
];

const STAFF_ANSWER: Record<FeatureStatus, string> = {
  planned: "Thank you: we have planned this for the 4.6 release and will post updates on the roadmap.",
  shipped: "This shipped in 4.5.0; see the release notes for the new API.",
  under_review: "",
  declined: "",
};

/** Feature request tickets (outside the bug SLA) with their roadmap rows, votes and staff answers. */
function insertFeatureRequests(tx: Tx, sqlite: Database.Database, orgIds: number[], anchor: Date, staff: FixFlowStaff) {
  const writer = createTicketWriter(sqlite);
  for (const f of FEATURES) {
    const organizationId = orgIds[f.org]!;
    const org = tx
      .select({ calendarId: organizations.calendarId })
      .from(organizations)
      .where(eq(organizations.id, organizationId))
      .get()!;
    const targetVersionId = tx
      .select({ id: tickets.targetVersionId })
      .from(tickets)
      .where(eq(tickets.organizationId, organizationId))
      .orderBy(asc(tickets.id))
      .get()!.id;
    const requesterId = people(tx, organizationId)[f.requester]!;
    const created = new Date(anchor.getTime() - f.daysAgo * DAY);
    const answered = new Date(created.getTime() + 20 * HOUR);
    const events: PlannedEvent[] = [{ at: created, type: "created", actorId: requesterId, data: { priority: "P3" } }];
    const comments: PlannedComment[] = [];
    if (f.status !== "under_review") {
      events.push({ at: answered, type: "staffReplied", actorId: staff.agentId, data: null });
      comments.push({ at: answered, authorId: staff.agentId, body: STAFF_ANSWER[f.status], visibility: "public" });
      events.push({
        at: answered,
        type: "featureStatusChanged",
        actorId: staff.agentId,
        data: { from: "under_review", to: "planned", note: f.status === "planned" ? f.note : null },
      });
    }
    const shippedAt = new Date(anchor.getTime() - 40 * DAY);
    if (f.status === "shipped")
      events.push(
        {
          at: shippedAt,
          type: "featureStatusChanged",
          actorId: staff.agentId,
          data: { from: "planned", to: "shipped", note: f.note },
        },
        { at: shippedAt, type: "resolved", actorId: staff.agentId, data: null },
        { at: new Date(shippedAt.getTime() + 3 * DAY), type: "closed", actorId: null, data: null },
      );
    const plan: PlannedTicket = {
      organizationId,
      requesterId,
      subject: f.subject,
      description: f.description,
      productArea: f.productArea,
      category: "feature_request",
      priority: "P3",
      status: f.status === "shipped" ? "closed" : f.status === "planned" ? "open" : "new",
      channel: "portal",
      sdkPlatform: f.productArea === "other" ? "web" : f.org === 2 ? "unity" : "android",
      sdkVersion: "4.5.0",
      assigneeId: f.status === "under_review" ? null : staff.agentId,
      escalationLevel: "L1",
      targetVersionId,
      outsideSla: true,
      exclusionReason: null,
      exclusionNote: null,
      resolutionKind: f.status === "shipped" ? "fix" : null,
      createdAt: created,
      updatedAt: events[events.length - 1]!.at,
      resolvedAt: f.status === "shipped" ? shippedAt : null,
      events,
      comments,
      rating: null,
      dispute: null,
    };
    const ticketId = writer.write(plan, NO_TARGETS, anchor, staff.managerId);
    tx.insert(featureRequests)
      .values({
        ticketId,
        status: f.status,
        publicTitle: f.subject,
        publicNote: f.note,
        ackDays: 5,
        ackDueAt: featureAckDueAt(created, 5, loadCalendar(tx, org.calendarId)),
        acknowledgedAt: f.status === "under_review" ? null : answered,
        updatedAt: plan.updatedAt,
      })
      .run();
    f.voters.forEach(([orgIndex, person], i) => {
      const voterOrg = orgIds[orgIndex]!;
      const userId = people(tx, voterOrg)[person]!;
      tx.insert(featureVotes)
        .values({
          ticketId,
          userId,
          organizationId: voterOrg,
          createdAt: new Date(Math.min(created.getTime() + (i + 1) * 6 * HOUR, anchor.getTime())),
        })
        .onConflictDoNothing()
        .run();
    });
  }
}

/** Writes the whole flow; called once, in the demo's transaction, after its tickets and known issues. */
export function insertDemoFixFlow(
  tx: Tx,
  sqlite: Database.Database,
  opts: { anchor: Date; organizationIds: number[]; staff: FixFlowStaff },
): void {
  const { anchor, organizationIds: orgIds, staff } = opts;
  // already written (a second run on the same file): change nothing
  const done =
    tx
      .select({ n: sql<number>`count(*)` })
      .from(securityAdvisories)
      .get()!.n > 0;
  if (done) return;
  linkKnownIssues(tx, orgIds, anchor, staff.agentId);
  publishAdvisory(tx, orgIds, anchor, staff.adminId);
  insertFeatureRequests(tx, sqlite, orgIds, anchor, staff);
}
