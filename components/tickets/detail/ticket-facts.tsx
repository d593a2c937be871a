"use client";

import { useTranslations } from "next-intl";
import { Section, useDate } from "./section";
import type { Detail } from "./types";

/** Who filed the ticket and who has it, its level, channel, SDK and filing time, under the organization's name. */
export function TicketFacts({ ticket: tk }: { ticket: Detail["ticket"] }) {
  const t = useTranslations("tickets");
  const date = useDate();
  return (
    <Section id="facts" title={tk.organization}>
      <dl className="space-y-2 text-sm">
        {[
          [t("detail.requester"), tk.requester],
          [t("detail.assignee"), tk.assignee ?? t("detail.unassigned")],
          [t("detail.level"), tk.escalationLevel],
          [t("detail.channel"), t(`channels.${tk.channel}`)],
          [t("detail.sdk"), [tk.sdkPlatform, tk.sdkVersion].filter(Boolean).join(" ") || "—"],
          [t("detail.filed"), date(tk.createdAt)],
        ].map(([k, v]) => (
          <div key={k} className="flex justify-between gap-3">
            <dt className="text-slate-500">{k}</dt>
            <dd className="text-right font-medium text-slate-900">{v}</dd>
          </div>
        ))}
      </dl>
    </Section>
  );
}
