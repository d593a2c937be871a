"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Badge, PRIORITY_TONE } from "@/components/ui/badge";
import { useTRPC } from "@/components/trpc/client";
import type { Role } from "@/db/schema/enums";
import { ActionsCard } from "./detail/actions-card";
import { ComplaintsCard } from "./detail/complaints-card";
import { Conversation } from "./detail/conversation";
import { DisputesCard } from "./detail/disputes-card";
import { KnownIssueCard } from "./detail/known-issue-card";
import { SlaPanel } from "./detail/sla-panel";
import { TicketFacts } from "./detail/ticket-facts";
import { TimelineCard } from "./detail/timeline-card";
import type { Detail } from "./detail/types";

/**
 * The ticket page: its heading and banners, the SLA panel and the conversation on the left, the
 * facts, actions, complaints, disputes and timeline on the right. Every part reads the one
 * `tickets.get` query, which each action refreshes.
 */
export function TicketView({
  id,
  role,
  viewerId,
  serverNow,
}: {
  id: number;
  role: Role;
  viewerId: number;
  serverNow: Date;
}) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.tickets.get.queryOptions({ id }));
  return (
    <div className="space-y-6">
      <TicketHeading ticket={data.ticket} />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <SlaPanel metrics={data.metrics} serverNow={serverNow} />
          <Conversation data={data} role={role} />
        </div>
        <div className="min-w-0 space-y-6">
          <TicketFacts ticket={data.ticket} />
          <KnownIssueCard data={data} role={role} />
          <ActionsCard data={data} role={role} viewerId={viewerId} />
          <ComplaintsCard complaints={data.complaints} />
          <DisputesCard disputes={data.disputes} />
          <TimelineCard timeline={data.timeline} />
        </div>
      </div>
    </div>
  );
}

/** Back link, number and subject, the badges, and the outside-SLA and exclusion banners. */
function TicketHeading({ ticket: tk }: { ticket: Detail["ticket"] }) {
  const t = useTranslations("tickets");
  const tt = useTranslations();
  return (
    <>
      <div>
        <Link href="/tickets" className="text-sm font-medium text-brand-700 hover:underline">
          ← {t("detail.back")}
        </Link>
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">
            <span className="text-slate-400">#{tk.id}</span> {tk.subject}
          </h1>
        </div>
        <div className="mt-2 flex flex-wrap gap-2 text-sm">
          <Badge tone={PRIORITY_TONE[tk.priority]}>{tt(`priority.${tk.priority}`)}</Badge>
          <Badge>{t(`statuses.${tk.status}`)}</Badge>
          <Badge tone="brand">{t(`productAreas.${tk.productArea}`)}</Badge>
          <Badge>{t(`categories.${tk.category}`)}</Badge>
          <Badge>{tk.escalationLevel}</Badge>
        </div>
      </div>
      {tk.outsideSla ? (
        <p className="rounded-lg border border-slate-200 bg-slate-100 px-4 py-2 text-sm">{t("detail.outsideSla")}</p>
      ) : null}
      {tk.exclusionReason ? (
        <div role="note" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900">
          <p className="font-medium">
            {t("detail.excludedBanner", { reason: t(`exclusionReasons.${tk.exclusionReason}`) })}
          </p>
          {tk.exclusionNote ? <p>{tk.exclusionNote}</p> : null}
        </div>
      ) : null}
    </>
  );
}
