"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

/** "2 h 5 min" style, in whole minutes (seconds when under a minute). */
export function formatSpan(ms: number): string {
  const s = Math.max(0, Math.floor(Math.abs(ms) / 1000));
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return `${d} d ${h} h`;
  if (h > 0) return `${h} h ${m} min`;
  if (m > 0) return `${m} min`;
  return `${s % 60} s`;
}

/** A live countdown to a due time (wall-clock time; the due instant already accounts for calendars). */
export function Countdown({ dueAt, serverNow }: { dueAt: Date; serverNow: Date }) {
  const t = useTranslations("tickets.detail");
  const [now, setNow] = useState(() => serverNow.getTime());
  useEffect(() => {
    const skew = Date.now() - serverNow.getTime();
    const tick = () => setNow(Date.now() - skew);
    const id = window.setInterval(tick, 1000);
    return () => window.clearInterval(id);
  }, [serverNow]);
  const left = dueAt.getTime() - now;
  return (
    <span
      role="timer"
      aria-live="off"
      className={left < 0 ? "font-semibold text-red-700" : "font-medium text-slate-700"}
    >
      {left < 0 ? t("overdue", { time: formatSpan(left) }) : t("remaining", { time: formatSpan(left) })}
    </span>
  );
}
