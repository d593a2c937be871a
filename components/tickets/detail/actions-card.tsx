"use client";

import { useNow, useTranslations } from "next-intl";
import type { Role } from "@/db/schema/enums";
import { availableActions, offersAny } from "./available-actions";
import { ClosingActions } from "./closing-actions";
import { ComplaintActions } from "./complaint-actions";
import { PriorityActions } from "./priority-actions";
import { Section } from "./section";
import type { Detail } from "./types";
import { WatchersAction } from "./watchers-action";
import { WorkActions } from "./work-actions";

/** The actions this viewer may take on the ticket, and its rating once given; nothing when neither applies. */
export function ActionsCard({ data, role, title }: { data: Detail; role: Role; title?: string }) {
  const now = useNow();
  const t = useTranslations("tickets.actions");
  const all = availableActions(
    { ticket: data.ticket, disputes: data.disputes, complaints: data.complaints, rated: !!data.rating },
    role,
    now,
  );
  // Staff change the priority, work and escalate the ticket in the properties panel and the reply box.
  const offered = role === "customer" ? all : { ...all, changePriority: false, work: false, escalate: false };
  // Whoever may take a watcher off (oneself included) can do so on a resolved ticket too.
  const removesWatchers = data.watchers.some((w) => w.removable);
  if (!offersAny(offered) && !data.rating && !removesWatchers) return null;
  return (
    <Section id="actions" title={title ?? t("title")}>
      {data.rating ? (
        <p className="mb-3 text-sm text-slate-700">
          {data.rating.byViewer || !data.rating.by
            ? t("rated", { score: data.rating.score })
            : t("ratedBy", { name: data.rating.by, score: data.rating.score })}
        </p>
      ) : null}
      <div className="space-y-4">
        <PriorityActions data={data} offered={offered} />
        <WorkActions data={data} offered={offered} />
        <ClosingActions data={data} offered={offered} />
        <ComplaintActions data={data} role={role} offered={offered} />
        {offered.watch || removesWatchers ? <WatchersAction data={data} canAdd={offered.watch} /> : null}
      </div>
    </Section>
  );
}
