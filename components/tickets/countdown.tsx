"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { formatSpan } from "@/components/format";

/** A live countdown to a due time (wall-clock time; the due instant already accounts for calendars). */
export function Countdown({ dueAt, serverNow }: { dueAt: Date; serverNow: Date }) {
  return <CountdownWith tt={useTranslations()} dueAt={dueAt} serverNow={serverNow} />;
}

/**
 * The countdown with its caller's translator: the queue draws one on each of its 50 rows, and a
 * translator per row cost about 0.2 ms and 240 KB of garbage a view (issue 25).
 */
export function CountdownWith({
  tt,
  dueAt,
  serverNow,
}: {
  tt: Parameters<typeof formatSpan>[0];
  dueAt: Date;
  serverNow: Date;
}) {
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
      {tt(left < 0 ? "duration.overdue" : "duration.left", { time: formatSpan(tt, left) })}
    </span>
  );
}
