import { messagesLayout } from "@/components/i18n/route-messages";

/** The message namespaces this route's client components read (components/i18n/route-messages.tsx). */
export default messagesLayout(["metric", "queue", "region", "tickets.placeholders", "tickets.statuses", "tier"]);
