/**
 * Which notifications a person gets by email: each kind belongs to a topic, and each topic is
 * delivered in the portal only, by email at once, or in a daily digest. A person's own choice wins;
 * without one, the default of their role. Pure.
 */
import type { NotificationDelivery, NotificationKind, NotificationTopic, Role } from "@/db/schema/enums";

/**
 * The topic of each notification kind; null for those that always go out by email (a page must
 * reach the person on call; a disabled webhook must reach its administrator; a security advisory
 * must reach the affected organization).
 */
export const TOPIC_OF_KIND: Record<NotificationKind, NotificationTopic | null> = {
  reply: "reply",
  customer_reply: "reply",
  status_changed: "status",
  workaround: "status",
  resolved: "status",
  reopened: "status",
  escalated: "status",
  assigned: "status",
  complaint: "status",
  complaint_answered: "status",
  dispute: "status",
  dispute_decided: "status",
  priority_changed: "status",
  excluded: "status",
  meeting_requested: "meeting",
  meeting_scheduled: "meeting",
  meeting_declined: "meeting",
  review_shared: "review",
  at_risk: "sla",
  breach_warning: "sla",
  page: null,
  webhook_disabled: null,
  known_issue_fixed: "status",
  custom_development_filed: "status",
  feature_request_status: "status",
  security_advisory: null,
  // Incident notices go to those who subscribed to them (decision 027): the subscription is the choice.
  incident_declared: null,
  incident_updated: null,
  maintenance_announced: null,
  maintenance_updated: null,
  maintenance_reminder: null,
  // Monitoring saw a problem on the customer's service before they did (issue 19): they are told at once.
  proactive_alert: null,
};

/**
 * Defaults: customers get everything about their tickets and their account by email; support staff
 * get what they must act on (replies, status changes, escalations, assignments, SLA warnings,
 * meetings) by email and reviews and incidents in the portal; account managers get their accounts'
 * news by email and SLA warnings in a digest; executives and administrators read a daily digest.
 */
export function defaultDelivery(role: Role, topic: NotificationTopic): NotificationDelivery {
  switch (role) {
    case "customer":
      return "email";
    case "agent":
    case "expert":
    case "manager":
      return topic === "review" || topic === "incident" ? "in_app" : "email";
    case "account_manager":
      return topic === "sla" || topic === "incident" ? "digest" : "email";
    case "executive":
    case "admin":
      return "digest";
  }
}

/** How a notification of `kind` reaches a person with `chosen` preferences (missing topics: the role's default). */
export function deliveryFor(
  role: Role,
  kind: NotificationKind,
  chosen: Partial<Record<NotificationTopic, NotificationDelivery>>,
): NotificationDelivery {
  const topic = TOPIC_OF_KIND[kind];
  if (topic === null) return "email";
  return chosen[topic] ?? defaultDelivery(role, topic);
}

/**
 * The topics a person of this role can receive, for the settings form: a topic no notification kind
 * belongs to yet is not offered, and customers are never sent SLA warnings.
 */
export function topicsFor(role: Role, topics: readonly NotificationTopic[]): NotificationTopic[] {
  const used = new Set(Object.values(TOPIC_OF_KIND));
  return topics.filter((t) => used.has(t) && !(role === "customer" && t === "sla"));
}
