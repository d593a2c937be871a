"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Section, useDate } from "./section";
import type { Detail } from "./types";

/** The ticket's complaints, each with who raised it and the managers' answers; nothing when there are none. */
export function ComplaintsCard({ complaints }: { complaints: Detail["complaints"] }) {
  const t = useTranslations();
  const date = useDate();
  if (complaints.length === 0) return null;
  return (
    <Section id="complaints" title={t("tickets.detail.complaints")}>
      <ul className="space-y-4 text-sm">
        {complaints.map((c) => (
          <li key={c.id}>
            <p className="flex flex-wrap items-center gap-2 font-medium">
              <Badge tone={c.status === "open" ? "amber" : c.status === "acknowledged" ? "brand" : "green"}>
                {t(`tickets.detail.complaintStatus.${c.status}`)}
              </Badge>
              <span className="text-xs font-normal text-slate-500">
                {date(c.raisedAt)}
                {c.raisedBy
                  ? ` · ${c.onBehalf ? t("tickets.detail.complaintOnBehalf", { name: c.raisedBy }) : t("tickets.detail.by", { name: c.raisedBy })}`
                  : ""}
              </span>
            </p>
            <p className="mt-1 text-slate-700">{c.reason}</p>
            {c.answers.map((a, i) => (
              <div key={i} className="mt-2 rounded-lg bg-slate-50 p-2">
                <p className="text-xs text-slate-500">
                  {t(`tickets.detail.complaintAnswer.${a.outcome}`)} · {date(a.at)}
                  {a.by ? ` · ${t("tickets.detail.by", { name: a.by })}` : ""}
                </p>
                <p className="text-slate-800">{a.response}</p>
              </div>
            ))}
          </li>
        ))}
      </ul>
    </Section>
  );
}
