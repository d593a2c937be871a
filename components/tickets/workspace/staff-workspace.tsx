"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import type { Role } from "@/db/schema/enums";
import { ActionsCard } from "../detail/actions-card";
import { ComplaintsCard } from "../detail/complaints-card";
import { Conversation } from "../detail/conversation";
import { DisputesCard } from "../detail/disputes-card";
import { KnownIssueCard } from "../detail/known-issue-card";
import { SlaPanel } from "../detail/sla-panel";
import { TicketFacts } from "../detail/ticket-facts";
import { TicketHeading } from "../detail/ticket-heading";
import { TimelineCard } from "../detail/timeline-card";
import type { Detail } from "../detail/types";
import { Composer } from "./composer";
import { PropertiesPanel } from "./properties-panel";
import { useWorkspace } from "./use-workspace";

/** The reason dialog's code is loaded by the first save that asks for a reason. */
const ReasonDialog = dynamic(() => import("./reason-dialog").then((m) => m.ReasonDialog));

/** Keys typed into a field, a menu or a dialog are text, not shortcuts. */
const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  !!target.closest('input, textarea, select, [contenteditable="true"], [role="menu"], dialog[open]');

/**
 * The staff ticket page: the conversation in the middle with the reply box pinned at its bottom,
 * and beside it the one properties panel, the SLA panel with "why is it due", the facts and the
 * remaining actions. Shortcuts: r reply, n internal note, j the next unassigned ticket.
 */
export function StaffWorkspace({
  data,
  role,
  viewerId,
  serverNow,
}: {
  data: Detail;
  role: Role;
  viewerId: number;
  serverNow: Date;
}) {
  const t = useTranslations("tickets.workspace");
  const ws = useWorkspace(data, viewerId);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const nextLink = useRef<HTMLAnchorElement>(null);
  // The queue's "next ticket" (app/(portal)/queue/next): takes the most urgent unassigned ticket and opens it.
  const nextHref = `/queue/next?after=${data.ticket.id}`;
  const { setInternal } = ws;
  // Mounted from the first time a save asks for a reason, then kept (its dialog returns focus on close).
  const [reasonShown, setReasonShown] = useState(false);
  if (ws.asking !== null && !reasonShown) setReasonShown(true);
  // Its code is fetched once the page is up, so a save never waits for it.
  useEffect(() => {
    void import("./reason-dialog");
  }, []);

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      if (e.key === "r" || e.key === "n") {
        e.preventDefault();
        setInternal(e.key === "n");
        textarea.current?.focus();
      } else if (e.key === "j") {
        e.preventDefault();
        nextLink.current?.click();
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [setInternal]);

  return (
    <div className="space-y-4">
      <TicketHeading
        ticket={data.ticket}
        aside={
          // A plain link: a prefetch must never take a ticket.
          <a
            ref={nextLink}
            href={nextHref}
            aria-keyshortcuts="j"
            className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm font-semibold text-slate-800 hover:bg-slate-50"
          >
            {t("nextTicket")} →
          </a>
        }
      />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_22rem] xl:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="min-w-0">
          <Conversation data={data} role={role} composer={<Composer data={data} ws={ws} textarea={textarea} />} />
        </div>
        <div className="min-w-0 space-y-4">
          <PropertiesPanel ws={ws} viewerId={viewerId} />
          <SlaPanel metrics={data.metrics} serverNow={serverNow} />
          <TicketFacts ticket={data.ticket} />
          <KnownIssueCard data={data} role={role} />
          <ActionsCard data={data} role={role} title={t("moreActions")} />
          <ComplaintsCard complaints={data.complaints} />
          <DisputesCard disputes={data.disputes} />
          <TimelineCard timeline={data.timeline} />
        </div>
      </div>
      {reasonShown ? <ReasonDialog ws={ws} /> : null}
    </div>
  );
}
