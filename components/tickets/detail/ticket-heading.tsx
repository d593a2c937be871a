"use client";

import Link from "@/components/ui/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Badge, PRIORITY_TONE } from "@/components/ui/badge";
import { shownSubject } from "@/server/tickets/subject";
import type { Detail } from "./types";

/** Back link, number and subject, the badges, and the outside-SLA and exclusion banners. */
export function TicketHeading({ ticket: tk, aside }: { ticket: Detail["ticket"]; aside?: ReactNode }) {
  const tt = useTranslations();
  return (
    <>
      <div>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <Link href="/tickets" className="text-sm font-medium text-brand-700 hover:underline">
            ← {tt("tickets.detail.back")}
          </Link>
          {aside}
        </div>
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">
            <span className="text-slate-500">#{tk.id}</span>{" "}
            {shownSubject(tk.subject, tt("tickets.placeholders.noSubject"))}
          </h1>
        </div>
        <div className="mt-2 flex flex-wrap gap-2 text-sm">
          {tk.channel === "monitoring" ? <Badge tone="amber">{tt("tickets.detail.proactiveAlert")}</Badge> : null}
          <Badge tone={PRIORITY_TONE[tk.priority]}>{tt(`priority.${tk.priority}`)}</Badge>
          <Badge>{tt(`tickets.statuses.${tk.status}`)}</Badge>
          <Badge tone="brand">{tt(`tickets.productAreas.${tk.productArea}`)}</Badge>
          <Badge>{tt(`tickets.categories.${tk.category}`)}</Badge>
          <Badge>{tk.escalationLevel}</Badge>
        </div>
      </div>
      {tk.outsideSla ? (
        <p className="rounded-lg border border-slate-200 bg-slate-100 px-4 py-2 text-sm">
          {tt("tickets.detail.outsideSla")}
        </p>
      ) : null}
      {tk.exclusionReason ? (
        <div role="note" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900">
          <p className="font-medium">
            {tt("tickets.detail.excludedBanner", { reason: tt(`tickets.exclusionReasons.${tk.exclusionReason}`) })}
          </p>
          {tk.exclusionNote ? <p>{tk.exclusionNote}</p> : null}
        </div>
      ) : null}
    </>
  );
}
