import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, PRIORITY_TONE } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { Refused } from "@/components/ui/refused";
import { serverCaller } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";
import { can } from "@/server/auth/permissions";
import { shownSubject } from "@/server/tickets/subject";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("complaints") };
}

const VIEWS = ["active", "resolved", "all"] as const;

/** The managers' complaints, outside the queue: each with its ticket, the reason and the answers given. */
export default async function ComplaintsPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const user = await getSessionUser();
  if (!can(user, "tickets.manage")) return <Refused permission="tickets.manage" />;
  const sp = await searchParams;
  const status = (VIEWS as readonly string[]).includes(sp.status ?? "")
    ? (sp.status as (typeof VIEWS)[number])
    : "active";
  const api = await serverCaller();
  const { items, total } = await api.tickets.complaints({ status, limit: 100 });
  const t = await getTranslations("complaints");
  const tt = await getTranslations("tickets");
  const format = await getFormatter();
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  return (
    <>
      <PageHeader title={t("title")} description={t("subtitle")} />
      <nav aria-label={t("views")} className="mb-4 flex flex-wrap gap-2 text-sm">
        {VIEWS.map((v) => (
          <Link
            key={v}
            href={v === "active" ? "/complaints" : `/complaints?status=${v}`}
            aria-current={v === status ? "page" : undefined}
            className={`rounded-md px-3 py-1.5 font-medium ${v === status ? "bg-brand-600 text-white" : "border border-slate-300 bg-white text-slate-700 hover:bg-slate-50"}`}
          >
            {t(`view.${v}`)}
          </Link>
        ))}
      </nav>
      <Card>
        <p className="mb-3 text-sm text-slate-600">{t("count", { n: total })}</p>
        {items.length === 0 ? (
          <p className="py-8 text-center text-sm text-slate-600">{t(`empty.${status}`)}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {items.map((c) => (
              <li key={c.id} className="py-4">
                <div className="flex flex-wrap items-center gap-2">
                  <Badge tone={c.status === "open" ? "amber" : c.status === "acknowledged" ? "brand" : "green"}>
                    {tt(`detail.complaintStatus.${c.status}`)}
                  </Badge>
                  <Badge tone={PRIORITY_TONE[c.priority]}>{c.priority}</Badge>
                  <Link href={`/tickets/${c.ticketId}`} className="font-medium text-brand-700 hover:underline">
                    #{c.ticketId} {shownSubject(c.subject, tt("placeholders.noSubject"))}
                  </Link>
                </div>
                <p className="mt-1 text-xs text-slate-500">
                  {c.organization} · {tt(`statuses.${c.ticketStatus}`)} · {date(c.raisedAt)}
                  {c.raisedBy
                    ? ` · ${c.onBehalf ? tt("detail.complaintOnBehalf", { name: c.raisedBy }) : tt("detail.by", { name: c.raisedBy })}`
                    : ""}
                </p>
                <p className="mt-2 text-sm text-slate-800">{c.reason}</p>
                {c.answers.length > 0 ? (
                  <ul className="mt-2 space-y-1">
                    {c.answers.map((a, i) => (
                      <li key={i} className="rounded-lg bg-slate-50 p-2 text-sm">
                        <span className="text-xs text-slate-500">
                          {tt(`detail.complaintAnswer.${a.outcome}`)} · {date(a.at)}
                          {a.by ? ` · ${tt("detail.by", { name: a.by })}` : ""}
                        </span>
                        <span className="block text-slate-800">{a.response}</span>
                      </li>
                    ))}
                  </ul>
                ) : null}
                {c.status !== "resolved" ? (
                  <Link
                    href={`/tickets/${c.ticketId}#actions`}
                    className="mt-2 inline-block text-sm font-medium text-brand-700 hover:underline"
                  >
                    {t("answer")} →
                  </Link>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
