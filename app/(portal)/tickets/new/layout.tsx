import { messagesLayout } from "@/components/i18n/route-messages";

/** The message namespaces this route's client components read (components/i18n/route-messages.tsx). */
export default messagesLayout([
  "attachments",
  "priority",
  "sdkPlatform",
  "sdkName",
  "tickets.categories",
  "tickets.channels",
  // the form's own check before sending names these refusals (components/tickets/filing-check.ts)
  "tickets.errors",
  "tickets.fault",
  "tickets.form",
  "tickets.priorityMeaning",
  "tickets.productAreas",
]);
