"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import type { MetricRow } from "./types";

/** The explanation's code is loaded when a first "Why is it due then?" is opened. */
const WhyDueBody = dynamic(() => import("./why-due-body").then((m) => m.WhyDueBody), { loading: Loading });

function Loading() {
  const t = useTranslations("tickets.detail");
  return <p className="mt-2 rounded-lg bg-slate-50 p-3 text-slate-500">{t("whyLoading")}</p>;
}

/** "Why is it due then?" for one metric: a disclosure whose explanation is drawn once it is opened. */
export function WhyDue({ m }: { m: MetricRow }) {
  const t = useTranslations("tickets.detail");
  const [open, setOpen] = useState(false);
  const details = useRef<HTMLDetailsElement>(null);
  // Opened before the page's code had hydrated: the toggle went unheard, so read the element.
  useEffect(() => {
    if (details.current?.open) setOpen(true);
  }, []);
  return (
    <details ref={details} className="mt-2 text-sm" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer font-medium text-brand-700">{t("why")}</summary>
      {open ? <WhyDueBody m={m} /> : null}
    </details>
  );
}
