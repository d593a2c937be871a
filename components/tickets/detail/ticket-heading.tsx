"use client";

import Link from "@/components/ui/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Badge, PRIORITY_TONE } from "@/components/ui/badge";
import type { Detail } from "./types";

/** Back link, number and subject, the badges, and the outside-SLA and exclusion banners. */
export function TicketHeading({ ticket: tk, aside }: { ticket: Detail["ticket"]; aside?: ReactNode }) {
  const t = useTranslations();
  const tt = useTranslations();
  return (
    <>
      <div>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <Link href="/tickets" className="text-sm font-medium text-brand-700 hover:underline">
            ← {t("tickets.detail.back")}
          </Link>
          {aside}
        </div>
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">
            <span className="text-slate-400">#{tk.id}</span> {tk.subject}
          </h1>
        </div>
        <div className="mt-2 flex flex-wrap gap-2 text-sm">
          <Badge tone={PRIORITY_TONE[tk.priority]}>{tt(`priority.${tk.priority}`)}</Badge>
          <Badge>{t(`tickets.statuses.${tk.status}`)}</Badge>
          <Badge tone="brand">{t(`tickets.productAreas.${tk.productArea}`)}</Badge>
          <Badge>{t(`tickets.categories.${tk.category}`)}</Badge>
          <Badge>{tk.escalationLevel}</Badge>
        </div>
      </div>
      {tk.outsideSla ? (
        <p className="rounded-lg border border-slate-200 bg-slate-100 px-4 py-2 text-sm">
          {t("tickets.detail.outsideSla")}
        </p>
      ) : null}
      {tk.exclusionReason ? (
        <div role="note" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900">
          <p className="font-medium">
            {t("tickets.detail.excludedBanner", { reason: t(`tickets.exclusionReasons.${tk.exclusionReason}`) })}
          </p>
          {tk.exclusionNote ? <p>{tk.exclusionNote}</p> : null}
        </div>
      ) : null}
    </>
  );
}
