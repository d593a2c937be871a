/**
 * A macro's placeholders and how they are filled in when an agent applies it to a ticket. Pure:
 * the values (the requester's name, the ticket's number, its next due time) are arguments, and the
 * due time is written in the viewer's time zone, which is named after it so nobody guesses.
 */
import type { Locale } from "@/db/schema/enums";

export const MACRO_PLACEHOLDERS = ["customer.name", "ticket.number", "ticket.due"] as const;
export type MacroPlaceholder = (typeof MACRO_PLACEHOLDERS)[number];
export type MacroValues = Record<MacroPlaceholder, string>;

const PLACEHOLDER = /\{\{\s*([\w.]+)\s*\}\}/g;

const isPlaceholder = (name: string): name is MacroPlaceholder =>
  (MACRO_PLACEHOLDERS as readonly string[]).includes(name);

/** The placeholders a body names that do not exist (a typo would reach the customer verbatim). */
export function unknownPlaceholders(body: string): string[] {
  return [...new Set([...body.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((n) => !isPlaceholder(n)))];
}

/** The body with each known placeholder replaced by its value; anything else is left as written. */
export function fillPlaceholders(body: string, values: MacroValues): string {
  return body.replace(PLACEHOLDER, (whole, name: string) => (isPlaceholder(name) ? values[name] : whole));
}

/**
 * The values for one ticket as one viewer sees it: `due` in `timeZone` (IANA), written in `locale`
 * and followed by the zone's name, e.g. "5 Dec 2026, 09:15 (Asia/Shanghai)"; `none` when nothing is due.
 */
export function macroValues(input: {
  customerName: string;
  ticketId: number;
  due: Date | null;
  locale: Locale;
  timeZone: string;
  none: string;
}): MacroValues {
  const due = input.due
    ? `${new Intl.DateTimeFormat(input.locale === "zh" ? "zh-CN" : "en-GB", {
        dateStyle: "medium",
        timeStyle: "short",
        timeZone: input.timeZone,
      }).format(input.due)} (${input.timeZone})`
    : input.none;
  return { "customer.name": input.customerName, "ticket.number": `#${input.ticketId}`, "ticket.due": due };
}
