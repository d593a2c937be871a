import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getNow, getTimeZone, getTranslations } from "next-intl/server";
import { zoneName } from "@/components/format";
import { changeValues, eventLabel } from "@/components/tickets/detail/event-label";
import { RequestPanels } from "@/components/requests/request-panels";
import { WhyDue } from "@/components/tickets/detail/why-due";
import { Badge, PRIORITY_TONE } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Refused } from "@/components/ui/refused";
import { Table, Td, Th } from "@/components/ui/table";
import { serverCaller } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";
import { can } from "@/server/auth/permissions";
import { shownSubject } from "@/server/tickets/subject";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const t = await getTranslations("pageTitles");
  return { title: t("ticketSla", { id: (await params).id }) };
}

const STATUS_TONE = { running: "brand", paused: "neutral", met: "green", breached: "red" } as const;
/** Roles the full ticket page (/tickets/[id]) lets in; others read this SLA view only. */
const TICKET_PAGE_ROLES = ["customer", "agent", "expert", "manager"];

/**
 * A ticket as the SLA dashboards' readers see it: read-only, with each target's due and achieved
 * times and the event timeline behind them. Staff who do not work tickets (executives, admins,
 * account managers) open tickets here, as the working ticket page is for the people who work them.
 */
export default async function SlaTicketPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await getSessionUser();
  if (!user || !can(user, "tickets.readAll")) return <Refused permission="tickets.readAll" />;
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const api = await serverCaller();
  const data = await api.tickets.get({ id }).catch((err: unknown) => {
    if (err instanceof Error && "code" in err && (err as { code: string }).code === "NOT_FOUND") return null;
    throw err;
  });
  if (!data) notFound();
  const t = await getTranslations();
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const tk = data.ticket;
  const status = (s: keyof typeof STATUS_TONE) =>
    t(`tickets.detail.status${s[0]!.toUpperCase()}${s.slice(1)}` as "tickets.detail.statusMet");
  return (
    <div className="space-y-6">
      <div>
        <Link href="/sla" className="text-sm font-medium text-brand-700 hover:underline">
          ← {t("sla.drill.back")}
        </Link>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">
          <span className="text-slate-500">#{tk.id}</span>{" "}
          {shownSubject(tk.subject, t("tickets.placeholders.noSubject"))}
        </h1>
        <div className="mt-2 flex flex-wrap gap-2 text-sm">
          <Badge tone={PRIORITY_TONE[tk.priority]}>{t(`priority.${tk.priority}`)}</Badge>
          <Badge>{t(`tickets.statuses.${tk.status}`)}</Badge>
          <Badge tone="brand">{t(`tickets.productAreas.${tk.productArea}`)}</Badge>
          <Badge>{t(`tickets.categories.${tk.category}`)}</Badge>
          <Badge>
            {tk.organization} · {t(`tier.${tk.tier}`)}
          </Badge>
        </div>
        {TICKET_PAGE_ROLES.includes(user.role) ? (
          <Link
            href={`/tickets/${tk.id}`}
            className="mt-2 inline-block text-sm font-medium text-brand-700 hover:underline"
          >
            {t("sla.ticket.open")}
          </Link>
        ) : null}
      </div>
      <RequestPanels
        ticketId={tk.id}
        canManageFeature={can(user, "features.manage")}
        canScope={can(user, "customDevelopment.scope")}
      />
      {tk.exclusionReason ? (
        <div role="note" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900">
          <p className="font-medium">
            {t("tickets.detail.excludedBanner", { reason: t(`tickets.exclusionReasons.${tk.exclusionReason}`) })}
          </p>
          {tk.exclusionNote ? <p>{tk.exclusionNote}</p> : null}
        </div>
      ) : null}
      <Card
        id="sla-ticket-targets"
        title={t("tickets.detail.slaTitle")}
        description={t("common.timeZoneNote", {
          zone: zoneName(await getLocale(), await getTimeZone(), await getNow()),
        })}
      >
        {data.metrics.length === 0 ? (
          <p className="text-sm text-slate-600">{tk.outsideSla ? t("tickets.detail.outsideSla") : t("common.none")}</p>
        ) : (
          <Table caption={t("tickets.detail.slaTitle")}>
            <thead>
              <tr>
                <Th>{t("sla.metric")}</Th>
                <Th>{t("tickets.detail.due")}</Th>
                <Th>{t("tickets.detail.achieved")}</Th>
                <Th>{t("sla.drill.outcome")}</Th>
              </tr>
            </thead>
            <tbody>
              {data.metrics.map((m) => (
                <tr key={m.metric} data-metric={m.metric}>
                  <Td header>
                    {t(`metric.${m.metric}`)}
                    {/* The same "why is it due then?" the ticket page explains (issue #22: the executive's view lacked it). */}
                    <WhyDue m={m} />
                  </Td>
                  <Td>{when(m.dueAt)}</Td>
                  <Td>
                    {m.achievedAt ? (
                      when(m.achievedAt)
                    ) : (
                      <span className="text-slate-500">{t("sla.drill.notYet")}</span>
                    )}
                  </Td>
                  <Td>
                    <Badge tone={STATUS_TONE[m.status]}>{status(m.status)}</Badge>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      <Card id="sla-ticket-timeline" title={t("tickets.detail.timeline")}>
        <ol className="space-y-2 text-sm">
          {data.timeline.map((e) => (
            <li key={e.id} className="flex flex-wrap gap-x-3 border-b border-slate-100 pb-2">
              <time dateTime={e.at.toISOString()} className="w-44 shrink-0 text-slate-500 tabular-nums">
                {when(e.at)}
              </time>
              <span className="font-medium text-slate-800">
                {t(`tickets.detail.events.${eventLabel(e)}`)}
                {e.change ? ` · ${t("tickets.detail.eventChange", changeValues(e.change, t))}` : ""}
              </span>
              {e.actor ? <span className="text-slate-500">{e.actor}</span> : null}
            </li>
          ))}
        </ol>
      </Card>
    </div>
  );
}
