/** Every enumerated domain value, declared once and imported by the schema, the domain and the UI. */
export const ROLES = ["customer", "agent", "expert", "manager", "account_manager", "executive", "admin"] as const;
export type Role = (typeof ROLES)[number];
export const STAFF_ROLES = [
  "agent",
  "expert",
  "manager",
  "account_manager",
  "executive",
  "admin",
] as const satisfies readonly Role[];
export const SUPPORT_ROLES = ["agent", "expert", "manager"] as const satisfies readonly Role[];

export const TIER_CODES = ["basic", "advanced", "enterprise"] as const;
export type TierCode = (typeof TIER_CODES)[number];

export const REGIONS = ["china", "americas", "emea"] as const;
export type Region = (typeof REGIONS)[number];

export const PRIORITIES = ["P0", "P1", "P2", "P3"] as const;
export type Priority = (typeof PRIORITIES)[number];
export const METRICS = ["firstResponse", "workaround", "resolution"] as const;
export type Metric = (typeof METRICS)[number];
export const CALENDAR_MODES = ["business", "always"] as const;
export type CalendarMode = (typeof CALENDAR_MODES)[number];

export const TICKET_STATUSES = [
  "new",
  "open",
  "pending_customer",
  "workaround_provided",
  "resolved",
  "closed",
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export const OPEN_TICKET_STATUSES = [
  "new",
  "open",
  "pending_customer",
  "workaround_provided",
] as const satisfies readonly TicketStatus[];
/** The open statuses as an SQL list, for raw fragments and partial indexes: `status in (${OPEN_STATUS_SQL_LIST})`. */
export const OPEN_STATUS_SQL_LIST = OPEN_TICKET_STATUSES.map((s) => `'${s}'`).join(",");
/** True for a ticket still being worked (not resolved or closed). */
export const isOpenStatus = (status: TicketStatus): boolean =>
  (OPEN_TICKET_STATUSES as readonly TicketStatus[]).includes(status);

export const PRODUCT_AREAS = [
  "voice_calling",
  "video_calling",
  "live_streaming",
  "realtime_messaging",
  "conversational_ai",
  "other",
] as const;
export type ProductArea = (typeof PRODUCT_AREAS)[number];

export const TICKET_CATEGORIES = [
  "functional_bug",
  "compatibility",
  "security_vulnerability",
  "performance",
  "integration_question",
  "custom_development",
  "environment_issue",
  "feature_request",
] as const;
export type TicketCategory = (typeof TICKET_CATEGORIES)[number];

/** How a ticket came in; "monitoring": opened by a proactive alert from our own monitoring (issue #22). */
export const CHANNELS = ["portal", "email", "chat", "phone", "monitoring"] as const;
export type Channel = (typeof CHANNELS)[number];
export const TIER_CHANNELS = ["ticket", "email", "chat", "dedicated_group", "phone_hotline"] as const;
export type TierChannel = (typeof TIER_CHANNELS)[number];

export const ESCALATION_LEVELS = ["L1", "L2", "L3"] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

export const SDK_PLATFORMS = [
  "android",
  "ios",
  "web",
  "windows",
  "macos",
  "linux",
  "flutter",
  "react_native",
  "unity",
  "electron",
  "server",
] as const;
export type SdkPlatform = (typeof SDK_PLATFORMS)[number];

export const EXCLUSION_REASONS = [
  "integration_not_per_docs",
  "third_party",
  "force_majeure",
  "sdk_out_of_support",
] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

export const RESOLUTION_KINDS = ["fix", "answer", "not_a_defect"] as const;

export const TICKET_EVENT_TYPES = [
  "created",
  "replied",
  "staffReplied",
  "priorityChanged",
  "statusChanged",
  "paused",
  "resumed",
  "workaround",
  "resolved",
  "reopened",
  "closed",
  "excluded",
  "exclusionLifted",
  "assigned",
  "escalated",
  "disputeOpened",
  "disputeDecided",
  "rated",
  "complaint",
  "attachmentRemoved",
  "paged",
  "pageAcknowledged",
  "pageEscalated",
  "knownIssueLinked",
  "knownIssueUnlinked",
  "fixVerified",
  "categoryChanged",
  "productAreaChanged",
  "scoped",
  "featureStatusChanged",
] as const;
export type TicketEventType = (typeof TICKET_EVENT_TYPES)[number];

/** The statuses a macro may set (each through its own action: waiting, workaround, resolution). */
export const MACRO_STATUSES = ["pending_customer", "workaround_provided", "resolved"] as const;
export type MacroStatus = (typeof MACRO_STATUSES)[number];

export const DISPUTE_KINDS = ["priority", "exclusion"] as const;
export const DISPUTE_STATUSES = ["open", "upheld", "rejected"] as const;

export const COMMENT_VISIBILITIES = ["public", "internal"] as const;

/** A security advisory's severity, from its CVSS v3.1 base score (server/advisories/cvss.ts). */
export const ADVISORY_SEVERITIES = ["low", "medium", "high", "critical"] as const;
export type AdvisorySeverity = (typeof ADVISORY_SEVERITIES)[number];
export const ADVISORY_STATUSES = ["draft", "published"] as const;

export const ARTICLE_TYPES = [
  "quick_start",
  "api_reference",
  "best_practice",
  "faq",
  "video_tutorial",
  "release_note",
  "migration_guide",
  "breaking_changes",
] as const;
export type ArticleType = (typeof ARTICLE_TYPES)[number];
export const ARTICLE_STATUSES = ["draft", "published"] as const;
export const LOCALES = ["en", "zh"] as const;
export type Locale = (typeof LOCALES)[number];
export const FEEDBACK_REASONS = [
  "missing_information",
  "inaccurate",
  "hard_to_follow",
  "broken_link",
  "other",
] as const;

export const INCIDENT_SEVERITIES = ["critical", "major", "minor"] as const;
export const ACTION_STATUSES = ["open", "in_progress", "done"] as const;
export const ACTION_SIDES = ["vendor", "customer"] as const;

export const ENGAGEMENT_KINDS = [
  "meeting",
  "training",
  "check_in",
  "review",
  "proactive_alert",
  "escalation",
  "custom_development",
] as const;
export const MEETING_CHANNELS = ["video", "phone", "onsite", "chat"] as const;
export const MEETING_STATUSES = ["requested", "scheduled", "declined"] as const;

export const REVIEW_STATUSES = ["draft", "shared", "acknowledged"] as const;

export const SLA_STATUSES = ["running", "paused", "met", "breached"] as const;

/** What an in-app notification (and its email) tells a person; each has its sentence in the i18n files. */
export const NOTIFICATION_KINDS = [
  "reply",
  "customer_reply",
  "status_changed",
  "workaround",
  "resolved",
  "reopened",
  "escalated",
  "assigned",
  "complaint",
  "complaint_answered",
  "dispute",
  "dispute_decided",
  "priority_changed",
  "excluded",
  "meeting_requested",
  "meeting_scheduled",
  "meeting_declined",
  "review_shared",
  "page",
  "at_risk",
  "breach_warning",
  "webhook_disabled",
  "known_issue_fixed",
  "custom_development_filed",
  "feature_request_status",
  "security_advisory",
  "incident_declared",
  "incident_updated",
  "maintenance_announced",
  "maintenance_updated",
  "maintenance_reminder",
  "proactive_alert",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** What kind of file an attachment is, decided from its content (server/attachments/file-types.ts). */
export const ATTACHMENT_KINDS = ["text", "archive", "image", "video", "capture", "document"] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/** The fault details of a ticket (issue #17): where the fault happens and to how many users. */
export const FAULT_ENVIRONMENTS = ["production", "staging", "development"] as const;
export type FaultEnvironment = (typeof FAULT_ENVIRONMENTS)[number];
export const USERS_AFFECTED = ["one", "some", "all"] as const;
export type UsersAffected = (typeof USERS_AFFECTED)[number];

/** On call (issue #19): rotas, pages, warnings and outgoing webhooks. */
export const ROTA_KINDS = ["weekly", "custom"] as const;
export type RotaKind = (typeof ROTA_KINDS)[number];
export const ON_CALL_ROLES = ["primary", "secondary"] as const;
export type OnCallRole = (typeof ON_CALL_ROLES)[number];
/** A rota's explicit rows: a shift of a custom rota, or an override (holiday, swap) of either kind. */
export const ROTA_SHIFT_KINDS = ["shift", "override"] as const;
export type RotaShiftKind = (typeof ROTA_SHIFT_KINDS)[number];
/** Why a page was raised: a P0/P1 filed, a priority raised to P0/P1, an emailed ticket, a monitoring alert. */
export const PAGE_REASONS = ["filed", "priority_raised", "email", "alert"] as const;
export type PageReason = (typeof PAGE_REASONS)[number];
/** Whom a page has reached: the primary on call, then the secondary, then the rota's manager. */
export const PAGE_LEVELS = ["primary", "secondary", "manager"] as const;
export type PageLevel = (typeof PAGE_LEVELS)[number];
export const PAGE_EVENT_KINDS = ["paged", "repaged", "escalated", "acknowledged", "unstaffed"] as const;
export type PageEventKind = (typeof PAGE_EVENT_KINDS)[number];
export const SLA_WARNING_KINDS = ["at_risk", "breach"] as const;
export type SlaWarningKind = (typeof SLA_WARNING_KINDS)[number];
/** What an outgoing webhook may subscribe to. */
export const WEBHOOK_EVENTS = ["page", "at_risk", "breach", "incident", "ticket_created"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
export const WEBHOOK_DELIVERY_STATUSES = ["pending", "delivered", "failed"] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** What became of a received email (db/schema/email.ts). */
export const INBOUND_MAIL_OUTCOMES = ["ticket", "comment", "unmatched", "attached", "discarded", "ignored"] as const;
export type InboundMailOutcome = (typeof INBOUND_MAIL_OUTCOMES)[number];

/** The topics a person chooses delivery for (server/email/preferences.ts maps each notification kind to one). */
export const NOTIFICATION_TOPICS = ["reply", "status", "sla", "incident", "review", "meeting"] as const;
export type NotificationTopic = (typeof NOTIFICATION_TOPICS)[number];
export const NOTIFICATION_DELIVERIES = ["in_app", "email", "digest"] as const;
export type NotificationDelivery = (typeof NOTIFICATION_DELIVERIES)[number];

/** A known issue's fix status (issue #20). */
export const KNOWN_ISSUE_STATUSES = ["investigating", "fix_scheduled", "fixed", "wont_fix"] as const;
export type KnownIssueStatus = (typeof KNOWN_ISSUE_STATUSES)[number];

/** How an L2 escalation of a product area picks its assignee (issue #22). */
export const ESCALATION_ROUTE_MODES = ["on_call", "least_loaded"] as const;
export type EscalationRouteMode = (typeof ESCALATION_ROUTE_MODES)[number];

/** The staff queue's orders: urgency (priority weighed with due time), due time, age, last update. */
export const QUEUE_SORTS = ["urgency", "due", "age", "updated"] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

/** Feature requests (issue #20): where a request stands on the roadmap. */
export const FEATURE_STATUSES = ["under_review", "planned", "shipped", "declined"] as const;
export type FeatureStatus = (typeof FEATURE_STATUSES)[number];

/** Custom development requests (issue #20): the account manager's decision on a scoped request. */
export const SCOPE_DECISIONS = ["accepted", "declined"] as const;
export type ScopeDecision = (typeof SCOPE_DECISIONS)[number];
