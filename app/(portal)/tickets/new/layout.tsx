import { messagesLayout } from "@/components/i18n/route-messages";

/** The message namespaces this route's client components read (components/i18n/route-messages.tsx). */
export default messagesLayout([
  "attachments",
  "priority",
  "sdkPlatform",
  "tickets.categories",
  "tickets.channels",
  "tickets.fault",
  "tickets.form",
  "tickets.priorityMeaning",
  "tickets.productAreas",
]);
