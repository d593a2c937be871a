import { messagesLayout } from "@/components/i18n/route-messages";

/** The message namespaces this route's client components read (components/i18n/route-messages.tsx). */
export default messagesLayout([
  "alerts.facts",
  "attachments",
  "customDevelopment",
  "knownIssues",
  "lifecycle.states",
  "metric",
  "priority",
  "roadmap",
  "roles",
  "sdkPlatform",
  "tickets.actions",
  "tickets.categories",
  "tickets.channels",
  "tickets.detail",
  "tickets.errors",
  "tickets.exclusionReasons",
  "tickets.fault",
  "tickets.placeholders",
  "tickets.productAreas",
  "tickets.statuses",
  "tickets.workspace",
]);
