"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useTRPC } from "@/components/trpc/client";
import type { Role } from "@/db/schema/enums";
import { ActionsCard } from "./detail/actions-card";
import { ComplaintsCard } from "./detail/complaints-card";
import { Conversation } from "./detail/conversation";
import { DisputesCard } from "./detail/disputes-card";
import { KnownIssueCard } from "./detail/known-issue-card";
import { SlaPanel } from "./detail/sla-panel";
import { TicketFacts } from "./detail/ticket-facts";
import { TicketHeading } from "./detail/ticket-heading";
import { TimelineCard } from "./detail/timeline-card";
import { StaffWorkspace } from "./workspace/staff-workspace";

/**
 * A feature request's roadmap panel or a custom development request's scoping: loaded only for
 * those tickets, so other tickets' pages neither download their code nor ask for their data.
 */
const RequestPanels = dynamic(() => import("@/components/requests/request-panels").then((m) => m.RequestPanels));
const REQUEST_CATEGORIES: ReadonlySet<string> = new Set(["feature_request", "custom_development"]);

/**
 * The ticket page. Customers: its heading and banners, the SLA panel and the conversation on the
 * left, the facts, actions, complaints, disputes and timeline on the right. Staff: the workspace
 * (conversation with a pinned reply box, one properties panel). Every part reads the one
 * query of tickets.get, which each action refreshes.
 */
export function TicketView({
  id,
  role,
  viewerId,
  serverNow,
  canManageFeature,
  canScope,
}: {
  id: number;
  role: Role;
  viewerId: number;
  serverNow: Date;
  /** The viewer may set a feature request's roadmap status (features.manage). */
  canManageFeature: boolean;
  /** The viewer may scope a custom development request (customDevelopment.scope). */
  canScope: boolean;
}) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.tickets.get.queryOptions({ id }));
  return (
    <>
      {role !== "customer" ? (
        <StaffWorkspace data={data} role={role} viewerId={viewerId} serverNow={serverNow} />
      ) : (
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
              <ActionsCard data={data} role={role} />
              <ComplaintsCard complaints={data.complaints} />
              <DisputesCard disputes={data.disputes} />
              <TimelineCard timeline={data.timeline} />
            </div>
          </div>
        </div>
      )}
      {REQUEST_CATEGORIES.has(data.ticket.category) ? (
        <div className="mt-6 space-y-6">
          <RequestPanels ticketId={id} canManageFeature={canManageFeature} canScope={canScope} />
        </div>
      ) : null}
    </>
  );
}
