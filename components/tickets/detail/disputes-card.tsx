"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Section } from "./section";
import type { Detail } from "./types";

/** The ticket's priority and exclusion disputes with their outcome; nothing when there are none. */
export function DisputesCard({ disputes }: { disputes: Detail["disputes"] }) {
  const t = useTranslations();
  if (disputes.length === 0) return null;
  return (
    <Section id="disputes" title={t("tickets.detail.disputes")}>
      <ul className="space-y-3 text-sm">
        {disputes.map((d) => (
          <li key={d.id}>
            <p className="font-medium">
              {t(`tickets.detail.disputeKind.${d.kind}`)}
              {d.proposedPriority ? ` · ${t("tickets.detail.proposed", { priority: d.proposedPriority })}` : ""} ·{" "}
              <Badge tone={d.status === "open" ? "amber" : d.status === "upheld" ? "green" : "neutral"}>
                {t(`tickets.detail.disputeStatus.${d.status}`)}
              </Badge>
            </p>
            <p className="text-slate-700">{d.reason}</p>
            {d.decisionNote ? (
              <p className="text-slate-500">{t("tickets.detail.decisionNote", { note: d.decisionNote })}</p>
            ) : null}
          </li>
        ))}
      </ul>
    </Section>
  );
}
