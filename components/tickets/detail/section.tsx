import { useLocale, useTimeZone } from "next-intl";
import type { ReactNode } from "react";
import { dateWriter } from "@/components/format";

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

/** The ticket page's date and time, in the viewer's language and time zone (components/format.ts). */
export function useDate() {
  return dateWriter(useLocale(), useTimeZone(), { dateStyle: "medium", timeStyle: "short" });
}
