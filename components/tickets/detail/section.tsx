import { useLocale, useTimeZone } from "next-intl";
import type { ReactNode } from "react";
import { dateTimeFormat } from "@/components/i18n/intl-formatters";

/** A card of the ticket page, named by its heading. */
export function Section({ title, children, id }: { title: string; children: ReactNode; id: string }) {
  return (
    <section aria-labelledby={id} className="rounded-xl border border-slate-200 bg-white shadow-sm">
      <h2 id={id} className="border-b border-slate-100 px-5 py-3 text-base font-semibold text-slate-900">
        {title}
      </h2>
      <div className="px-5 py-4">{children}</div>
    </section>
  );
}

/**
 * The ticket page's date and time, in the viewer's language and time zone: what use-intl's
 * `format.dateTime(d, { dateStyle: "medium", timeStyle: "short" })` writes, from one shared
 * Intl.DateTimeFormat (use-intl looks its formatter up by a JSON key on every call: about 0.45 ms
 * a view on a long conversation).
 */
export function useDate() {
  return dateWriter(useLocale(), useTimeZone());
}

/** useDate's writer for a locale and time zone. */
export function dateWriter(locale: string, timeZone: string | undefined): (d: Date) => string {
  const format = dateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone });
  return (d) => format.format(d);
}
