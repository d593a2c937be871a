import { messagesLayout } from "@/components/i18n/route-messages";

/** The message namespaces this route's client components read (components/i18n/route-messages.tsx). */
export default messagesLayout([
  "account.password",
  "account.profile",
  "account.sessions",
  "emailChannel.preferences",
  "errors.account",
  "errors.password",
  "installation",
]);
