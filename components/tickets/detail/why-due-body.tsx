"use client";

import { useFormatter, useLocale, useNow, useTimeZone, useTranslations } from "next-intl";
import { formatSpan, formatTarget, joinList, zoneName } from "@/components/format";
import type { MetricRow } from "./types";

/**
 * The answer to "Why is it due then?" for one metric (components/tickets/detail/why-due.tsx opens
 * it): the target and its calendar, what the due time counts from, the priority changes, the
 * counted open intervals, the closed days skipped and the pauses.
 */
export function WhyDueBody({ m }: { m: MetricRow }) {
  const t = useTranslations("tickets.detail");
  const tt = useTranslations();
  const format = useFormatter();
  const locale = useLocale();
  const now = useNow();
  const viewerZone = useTimeZone() ?? "UTC";
  const e = m.explanation;
  // One time zone for the whole explanation: the calendar's, whose business hours and closed days
  // it counts (the viewer's own for a target that runs around the clock), named once.
  const zone = e.target.alwaysOpen ? viewerZone : e.target.timeZone;
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: zone });
  // As the targets table writes it: "10 business days", not "5100 min".
  const target = formatTarget(
    tt,
    e.target.minutes,
    e.target.alwaysOpen ? "always" : "business",
    e.target.businessDayMinutes,
  );
  const basis =
    e.basis.kind === "created"
      ? t("whyBasisCreated", { at: date(e.countedFrom) })
      : e.basis.kind === "raised"
        ? t("whyBasisRaised", {
            at: date(e.basis.at),
            fromCreated: date(e.dueFromCreated),
            fromRaise: date(e.dueFromRaise ?? e.dueFromCreated),
          })
        : e.basis.kind === "disputeUpheld"
          ? t("whyBasisDispute", { at: date(e.basis.at) })
          : t("whyBasisLowered", { at: date(e.basis.at) });
  return (
    <div className="mt-2 space-y-3 rounded-lg bg-slate-50 p-3 text-slate-700">
      <p>
        {t("whyTarget", {
          target,
          priority: tt(`priority.${e.priority}`),
          calendar: e.target.alwaysOpen ? t("whyAlways") : t("whyCalendar", { zone: e.target.timeZone }),
        })}
      </p>
      <p className="text-xs text-slate-500">{t("whyZone", { zone: zoneName(locale, zone, now) })}</p>
      <p>{basis}</p>
      {e.priorityChanges.length > 0 ? (
        <div>
          <h4 className="font-medium">{t("whyChanges")}</h4>
          <ul className="list-inside list-disc">
            {e.priorityChanges.map((c, i) => (
              <li key={i}>
                {t("whyChangeRow", { at: date(c.at), from: c.from, to: c.to })}
                {c.disputeUpheld ? ` (${t("eventDisputeUpheld")})` : ""}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div>
        <h4 className="font-medium">{t("whyIntervals")}</h4>
        <ul className="list-inside list-disc">
          {e.countedIntervals.slice(0, 12).map((iv, i) => (
            <li key={i}>
              {t("whyIntervalRow", {
                start: date(iv.start),
                end: format.dateTime(iv.end, { timeStyle: "short", timeZone: zone }),
                length: formatSpan(tt, Math.round(iv.minutes) * 60_000),
              })}
            </li>
          ))}
        </ul>
        {e.countedIntervals.length > 12 || e.countedIntervalsTruncated ? (
          <p className="text-xs text-slate-500">{t("whyTruncated")}</p>
        ) : null}
      </div>
      {e.closedDays.length > 0 ? (
        <div>
          <h4 className="font-medium">{t("whyClosed")}</h4>
          <p>
            {joinList(
              locale,
              e.closedDays.map((d) =>
                d.reason === "holiday" ? t("whyHoliday", { date: d.date }) : t("whyClosedDay", { date: d.date }),
              ),
            )}
          </p>
        </div>
      ) : null}
      {e.pausable ? (
        e.pauses.length > 0 ? (
          <div>
            <h4 className="font-medium">{t("whyPauses")}</h4>
            <ul className="list-inside list-disc">
              {e.pauses.map((p, i) => (
                <li key={i}>
                  {t("whyPauseRow", { start: date(p.start), end: p.end ? date(p.end) : t("whyStillPaused") })}
                </li>
              ))}
            </ul>
          </div>
        ) : null
      ) : (
        <p className="text-xs text-slate-500">{t("whyNoPause")}</p>
      )}
    </div>
  );
}
