import { z } from "zod";
import {
  ATTACHMENT_KINDS,
  CHANNELS,
  DISPUTE_KINDS,
  DISPUTE_STATUSES,
  ESCALATION_LEVELS,
  EXCLUSION_REASONS,
  FAULT_ENVIRONMENTS,
  FEATURE_STATUSES,
  KNOWN_ISSUE_STATUSES,
  PRODUCT_AREAS,
  SLA_STATUSES,
  TICKET_CATEGORIES,
  TICKET_EVENT_TYPES,
  TICKET_STATUSES,
  USERS_AFFECTED,
} from "@/db/schema/enums";
import { COMPLAINT_OUTCOMES } from "@/server/tickets/complaint";
import { ZAlertFacts, ZLocale, ZMetric, ZPriority, ZTierCode } from "../../schemas";

export const ZExplanation = z.object({
  metric: ZMetric,
  status: z.enum(SLA_STATUSES),
  dueAt: z.date(),
  achievedAt: z.date().nullable(),
  priority: ZPriority,
  basis: z.union([
    z.object({ kind: z.literal("created") }),
    z.object({ kind: z.enum(["raised", "disputeUpheld", "lowered"]), at: z.date() }),
  ]),
  target: z.object({
    minutes: z.number(),
    timeZone: z.string(),
    alwaysOpen: z.boolean(),
    businessDayMinutes: z.number().nullable(),
  }),
  countedFrom: z.date(),
  dueFromCreated: z.date(),
  dueFromRaise: z.date().nullable(),
  countedIntervals: z.array(z.object({ start: z.date(), end: z.date(), minutes: z.number() })),
  countedIntervalsTruncated: z.boolean(),
  closedDays: z.array(z.object({ date: z.string(), reason: z.enum(["holiday", "closed"]) })),
  pausable: z.boolean(),
  pauses: z.array(z.object({ start: z.date(), end: z.date().nullable() })),
  closures: z.array(z.object({ start: z.date(), end: z.date().nullable() })),
  priorityChanges: z.array(
    z.object({ at: z.date(), from: ZPriority, to: ZPriority, raise: z.boolean(), disputeUpheld: z.boolean() }),
  ),
});

export const ZComplaint = z.object({
  id: z.number(),
  reason: z.string(),
  raisedAt: z.date(),
  raisedBy: z.string().nullable(),
  onBehalf: z.boolean(),
  status: z.enum(["open", ...COMPLAINT_OUTCOMES]),
  answers: z.array(
    z.object({ outcome: z.enum(COMPLAINT_OUTCOMES), response: z.string(), at: z.date(), by: z.string().nullable() }),
  ),
});

export const ZTicketDetail = z.object({
  ticket: z.object({
    id: z.number(),
    subject: z.string(),
    description: z.string(),
    descriptionHtml: z.string(),
    priority: ZPriority,
    status: z.enum(TICKET_STATUSES),
    productArea: z.enum(PRODUCT_AREAS),
    category: z.enum(TICKET_CATEGORIES),
    channel: z.enum(CHANNELS),
    /** A proactive alert's ticket: the metric and App ID of the alert that opened it, worded by the page. */
    alert: ZAlertFacts.nullable(),
    sdkPlatform: z.string().nullable(),
    sdkVersion: z.string().nullable(),
    escalationLevel: z.enum(ESCALATION_LEVELS),
    outsideSla: z.boolean(),
    exclusionReason: z.enum(EXCLUSION_REASONS).nullable(),
    exclusionNote: z.string().nullable(),
    createdAt: z.date(),
    resolvedAt: z.date().nullable(),
    organization: z.string(),
    tier: ZTierCode,
    requester: z.string(),
    assignee: z.string().nullable(),
    /** Staff only (null for customers): the current assignee, for the assign control. */
    assigneeId: z.number().nullable(),
    /** When the ticket last changed: the version a save names, refused when someone changed it since. */
    version: z.date(),
    /** The requester's language, when they chose one (a macro's body is offered in it). */
    requesterLocale: ZLocale.nullable(),
    /** The known issue this ticket is an instance of, as the viewer may read it; and the customer's verification of its fix. */
    knownIssue: z
      .object({
        id: z.number(),
        titleEn: z.string(),
        titleZh: z.string(),
        status: z.enum(KNOWN_ISSUE_STATUSES),
        fixVersion: z.string().nullable(),
        workaroundEn: z.string(),
        workaroundZh: z.string(),
        verified: z.enum(["works", "fails"]).nullable(),
      })
      .nullable(),
    /** The reported SDK against the support lifecycle today, with the guide to upgrade from its line. */
    sdkSupport: z.object({
      state: z.enum(["supported", "security_only", "unsupported", "unknown"]),
      line: z.string().nullable(),
      guideSlug: z.string().nullable(),
      securityUntil: z.string().nullable(),
    }),
    fault: z.object({
      environment: z.enum(FAULT_ENVIRONMENTS).nullable(),
      usersAffected: z.enum(USERS_AFFECTED).nullable(),
      startedAt: z.date().nullable(),
      appId: z.string().nullable(),
      channelName: z.string().nullable(),
      userIds: z.string().nullable(),
      reproSteps: z.string().nullable(),
    }),
  }),
  /** The ticket's files (a customer's list leaves out those of internal notes); removed ones say by whom and why. */
  attachments: z.array(
    z.object({
      id: z.number(),
      commentId: z.number().nullable(),
      name: z.string(),
      size: z.number(),
      kind: z.enum(ATTACHMENT_KINDS),
      contentType: z.string(),
      internal: z.boolean(),
      uploader: z.string(),
      createdAt: z.date(),
      removed: z.object({ by: z.string().nullable(), reason: z.string(), at: z.date() }).nullable(),
    }),
  ),
  /** Bytes of files on the ticket, and the limits, so the form can refuse before uploading. */
  attachmentBytes: z.number(),
  watchers: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      email: z.string(),
      /** The viewer themself. */
      self: z.boolean(),
      /** Whether the viewer may take this watcher off (server/tickets/rules.ts, mayRemoveWatcher). */
      removable: z.boolean(),
    }),
  ),
  complaints: z.array(ZComplaint),
  conversation: z.array(
    z.object({
      id: z.number(),
      /** Monitoring's note that it saw the same problem again: the alert it came with. */
      repeatedAlert: z.object({ alertId: z.number(), metric: z.string().nullable(), detectedAt: z.date() }).nullable(),
      author: z.string(),
      staff: z.boolean(),
      body: z.string(),
      html: z.string(),
      internal: z.boolean(),
      createdAt: z.date(),
    }),
  ),
  timeline: z.array(
    z.object({
      id: z.number(),
      at: z.date(),
      type: z.enum(TICKET_EVENT_TYPES),
      actor: z.string().nullable(),
      /** Whether a member of staff acted (a "resumed" by staff is back to open, not the customer responding). */
      byStaff: z.boolean(),
      /** The change the entry records (priority, category, product area or roadmap status), from and to. */
      change: z
        .discriminatedUnion("kind", [
          z.object({ kind: z.literal("priority"), from: ZPriority, to: ZPriority }),
          z.object({ kind: z.literal("category"), from: z.enum(TICKET_CATEGORIES), to: z.enum(TICKET_CATEGORIES) }),
          z.object({ kind: z.literal("productArea"), from: z.enum(PRODUCT_AREAS), to: z.enum(PRODUCT_AREAS) }),
          z.object({ kind: z.literal("roadmapStatus"), from: z.enum(FEATURE_STATUSES), to: z.enum(FEATURE_STATUSES) }),
        ])
        .nullable(),
      disputeUpheld: z.boolean(),
      complaintPhase: z.enum(["raised", ...COMPLAINT_OUTCOMES]).nullable(),
      /** A removed file: its name and the reason given. */
      fileName: z.string().nullable(),
      reason: z.string().nullable(),
    }),
  ),
  disputes: z.array(
    z.object({
      id: z.number(),
      kind: z.enum(DISPUTE_KINDS),
      proposedPriority: ZPriority.nullable(),
      reason: z.string(),
      status: z.enum(DISPUTE_STATUSES),
      decisionNote: z.string().nullable(),
      createdAt: z.date(),
      decidedAt: z.date().nullable(),
    }),
  ),
  metrics: z.array(
    z.object({
      metric: ZMetric,
      dueAt: z.date(),
      achievedAt: z.date().nullable(),
      status: z.enum(SLA_STATUSES),
      atRisk: z.boolean(),
      remainingMinutes: z.number().nullable(),
      explanation: ZExplanation,
    }),
  ),
  rating: z
    .object({
      score: z.number(),
      comment: z.string().nullable(),
      createdAt: z.date(),
      /** The rater's name (null when the account is gone). */
      by: z.string().nullable(),
      /** Whether the viewer gave the rating ("You rated..."). */
      byViewer: z.boolean(),
    })
    .nullable(),
  timeZone: z.string(),
});
