import { messagesLayout } from "@/components/i18n/route-messages";

/** The message namespaces this route's client components read (components/i18n/route-messages.tsx). */
export default messagesLayout([
  "account.email",
  "account.password",
  "account.profile",
  "account.sessions",
  "emailChannel.preferences",
  "errors.account",
  "errors.field",
  "errors.password",
  "installation",
]);
