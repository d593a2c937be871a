"use client";

import { useLocale, useNow, useTimeZone, useTranslations } from "next-intl";
import { labelMark } from "@/components/format";
import { Countdown } from "../countdown";
import { SlaBadge } from "../sla-badge";
import { Section, useDate } from "./section";
import type { MetricRow } from "./types";
import { WhyDue } from "./why-due";

/** The ticket's SLA metrics: each one's status, due time, achievement or countdown, and why it is due then. */
export function SlaPanel({ metrics, serverNow }: { metrics: MetricRow[]; serverNow: Date }) {
  const tt = useTranslations();
  const mark = labelMark(useLocale());
  const date = useDate();
  const zone = useTimeZone() ?? "UTC";
  const now = useNow();
  const statusLabel = (m: MetricRow) =>
    m.atRisk
      ? tt("tickets.detail.statusAtRisk")
      : tt(`tickets.detail.status${m.status[0]!.toUpperCase()}${m.status.slice(1)}`);

  return (
    <Section id="sla" title={tt("tickets.detail.slaTitle")}>
      <p className="mb-3 text-xs text-slate-500">{tt("tickets.detail.slaCaption", { zone })}</p>
      {metrics.length === 0 ? (
        <p className="text-sm text-slate-600">{tt("common.none")}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {metrics.map((m) => (
            <li key={m.metric} className="py-3" data-metric={m.metric}>
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span className="font-medium text-slate-900">{tt(`metric.${m.metric}`)}</span>
                <SlaBadge status={m.status} atRisk={m.atRisk} label={statusLabel(m)} />
              </div>
              <dl className="mt-1 flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-700">
                <div>
                  <dt className="inline text-slate-500">
                    {tt("tickets.detail.due")}
                    {mark}
                  </dt>
                  <dd className="inline">{date(m.dueAt)}</dd>
                </div>
                {m.achievedAt ? (
                  <div>
                    <dt className="inline text-slate-500">
                      {tt("tickets.detail.achieved")}
                      {mark}
                    </dt>
                    <dd className="inline">{date(m.achievedAt)}</dd>
                  </div>
                ) : m.status === "running" || m.status === "breached" ? (
                  <div>
                    <dt className="sr-only">{tt("tickets.detail.timeLeft")}</dt>
                    <dd className="inline">
                      <Countdown dueAt={m.dueAt} serverNow={serverNow ?? now} />
                    </dd>
                  </div>
                ) : null}
              </dl>
              <WhyDue m={m} />
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
