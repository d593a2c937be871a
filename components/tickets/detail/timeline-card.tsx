"use client";

import { useTranslations } from "next-intl";
import { changeValues, eventLabel } from "./event-label";
import { Section, useDate } from "./section";
import type { Detail } from "./types";

/** Everything that happened to the ticket: the event log its SLA figures derive from. */
export function TimelineCard({ timeline }: { timeline: Detail["timeline"] }) {
  const t = useTranslations();
  const date = useDate();
  return (
    <Section id="timeline" title={t("tickets.detail.timeline")}>
      <ol className="space-y-2 text-sm">
        {timeline.map((e) => (
          <li key={e.id} className="border-l-2 border-slate-200 pl-3">
            <p className="font-medium text-slate-900">
              {e.complaintPhase && e.complaintPhase !== "raised"
                ? t(`tickets.detail.complaintAnswer.${e.complaintPhase}`)
                : t(`tickets.detail.events.${eventLabel(e)}`)}
              {e.change ? ` ${t("tickets.detail.eventChange", changeValues(e.change, t))}` : ""}
              {e.disputeUpheld ? ` (${t("tickets.detail.eventDisputeUpheld")})` : ""}
            </p>
            {e.type === "attachmentRemoved" && e.fileName ? (
              <p className="text-xs text-slate-700">
                {t("tickets.detail.fileRemoved", { name: e.fileName, reason: e.reason ?? "" })}
              </p>
            ) : null}
            <p className="text-xs text-slate-500">
              {date(e.at)}
              {e.actor ? ` · ${t("tickets.detail.by", { name: e.actor })}` : ""}
            </p>
          </li>
        ))}
      </ol>
    </Section>
  );
}
