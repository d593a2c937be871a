/**
 * Mail that must never become a ticket or be answered (RFC 3834, RFC 3464, RFC 2919): automatic
 * replies, delivery reports (bounces) and mailing-list traffic. Pure: headers in, a reason out.
 * Answering none of these, and marking our own mail `Auto-Submitted: auto-replied`, is what keeps
 * two autoresponders from writing to each other for ever.
 */

export type IgnoreReason = "auto_reply" | "bounce" | "list";

/** The headers the decision reads, lower-case names, values as strings. */
export type MailHeaders = ReadonlyMap<string, string> | Record<string, string | undefined>;

const get = (h: MailHeaders, name: string): string | undefined =>
  (h instanceof Map ? h.get(name) : (h as Record<string, string | undefined>)[name])?.toString();

const AUTO_SUBJECT =
  /^\s*((auto(matic)?[ -]?(reply|response)|out of (the )?office|autoreply)\b|auto:|(自动回复|自动答复|休假|不在办公室))/i;
const DAEMON = /^(mailer-daemon|postmaster|mail-daemon|mailer)@/i;

/**
 * Why a received mail is to be recorded and ignored, or null when it is a person's mail.
 * `envelopeFrom` is the SMTP `MAIL FROM` (empty for a bounce); `contentType` the top-level type
 * with its parameters.
 */
export function ignoreReason(mail: {
  headers: MailHeaders;
  envelopeFrom: string | null;
  fromAddress: string | null;
  contentType: string | null;
  subject: string;
}): IgnoreReason | null {
  const h = mail.headers;
  const contentType = (mail.contentType ?? get(h, "content-type") ?? "").toLowerCase();
  if (
    /multipart\/report/.test(contentType) &&
    /report-type\s*=\s*"?(delivery-status|disposition-notification)/.test(contentType)
  )
    return "bounce";
  if (mail.envelopeFrom === "" || (mail.fromAddress && DAEMON.test(mail.fromAddress))) return "bounce";
  const autoSubmitted = get(h, "auto-submitted")?.trim().toLowerCase();
  if (autoSubmitted && autoSubmitted !== "no") return "auto_reply";
  if (get(h, "x-autoreply") || get(h, "x-autorespond") || get(h, "x-autoreply-from")) return "auto_reply";
  const suppress = get(h, "x-auto-response-suppress")?.toLowerCase() ?? "";
  if (/\b(all|oof|autoreply)\b/.test(suppress) && AUTO_SUBJECT.test(mail.subject)) return "auto_reply";
  const precedence = get(h, "precedence")?.trim().toLowerCase();
  if (precedence === "auto_reply") return "auto_reply";
  if (precedence === "bulk" || precedence === "junk" || precedence === "list") return "list";
  if (get(h, "list-id") || get(h, "list-unsubscribe") || get(h, "list-post")) return "list";
  if (AUTO_SUBJECT.test(mail.subject)) return "auto_reply";
  return null;
}
