"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { formatSpan } from "@/components/format";

/** A live countdown to a due time (wall-clock time; the due instant already accounts for calendars). */
export function Countdown({ dueAt, serverNow }: { dueAt: Date; serverNow: Date }) {
  // One translator (a hook per translator, and the queue draws a countdown on each of its rows).
  const tt = useTranslations();
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
      {tt(left < 0 ? "tickets.detail.overdue" : "tickets.detail.remaining", { time: formatSpan(tt, left) })}
    </span>
  );
}
