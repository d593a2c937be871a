/**
 * The message namespaces that client components read (useTranslations in "use client" modules).
 * The root layout hands only these to NextIntlClientProvider: without a `messages` prop it passes
 * the whole catalogue, serialized into the RSC payload of every page (issue 25). Server components
 * read the catalogue on the server and send none of it. client-messages.test.ts fails when a client
 * component reads a namespace missing here.
 */
export const CLIENT_NAMESPACES = [
  "account",
  "accounts",
  "admin",
  "adminEdit",
  "advisories",
  "alerts",
  "attachments",
  "availability",
  "channel",
  "common",
  "complaints",
  "coverage",
  "customDevelopment",
  "disputes",
  "duration",
  "emailChannel",
  "errors",
  "escalationRoutes",
  "home",
  "incidents",
  "installation",
  "kb",
  "kbEdit",
  "knownIssues",
  "lifecycle",
  "locale",
  "macros",
  "markdown",
  "metric",
  "notifications",
  "onCall",
  "organizationsAdmin",
  "passwordReset",
  "people",
  "priority",
  "queue",
  "region",
  "requests",
  "reviews",
  "roadmap",
  "roles",
  "sdkPlatform",
  "security",
  "serviceScope",
  "signin",
  "sla",
  "sso",
  "status",
  "tickets",
  "tier",
  "webhooks",
  "weekday",
] as const;

/** The catalogue narrowed to the namespaces client components read. */
export function clientMessages(messages: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const ns of CLIENT_NAMESPACES) if (ns in messages) out[ns] = messages[ns];
  return out;
}
