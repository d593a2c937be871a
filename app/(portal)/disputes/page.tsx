import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { DecideDispute } from "@/components/queue/decide-dispute";
import { Badge, PRIORITY_TONE } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { Refused } from "@/components/ui/refused";
import { serverCaller } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";
import { can } from "@/server/auth/permissions";
import { shownSubject } from "@/server/tickets/subject";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("disputes"))("title") };
}

const KINDS = ["priority", "exclusion"] as const;

/** The managers' worklist: open priority disputes and exclusion disputes, oldest first, decided in place. */
export default async function DisputesPage({ searchParams }: { searchParams: Promise<{ kind?: string }> }) {
  const user = await getSessionUser();
  if (!can(user, "tickets.manage")) return <Refused permission="tickets.manage" />;
  const sp = await searchParams;
  const kind = (KINDS as readonly string[]).includes(sp.kind ?? "") ? (sp.kind as (typeof KINDS)[number]) : undefined;
  const { items, total } = await (await serverCaller()).tickets.disputes({ kind, limit: 100 });
  const t = await getTranslations("disputes");
  const tt = await getTranslations();
  const format = await getFormatter();
  return (
    <>
      <PageHeader title={t("title")} description={t("subtitle")}>
        <span className="text-sm font-medium text-slate-700">{t("count", { n: total })}</span>
      </PageHeader>
      <nav aria-label={t("kinds")} className="mb-4 flex flex-wrap gap-2 text-sm">
        {[undefined, ...KINDS].map((k) => (
          <Link
            key={k ?? "all"}
            href={k ? `/disputes?kind=${k}` : "/disputes"}
            aria-current={k === kind ? "page" : undefined}
            className={`rounded-md px-3 py-1.5 font-medium ${k === kind ? "bg-brand-600 text-white" : "border border-slate-300 bg-white text-slate-700 hover:bg-slate-50"}`}
          >
            {t(`kind.${k ?? "all"}`)}
          </Link>
        ))}
      </nav>
      {items.length === 0 ? (
        <Card>
          <p className="py-6 text-center text-sm text-slate-600">{t("empty")}</p>
        </Card>
      ) : (
        <ul className="space-y-3">
          {items.map((d) => (
            <li key={d.id}>
              <Card>
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div className="min-w-0">
                    <Link href={`/tickets/${d.ticketId}`} className="font-medium text-brand-700 hover:underline">
                      #{d.ticketId} {shownSubject(d.subject, tt("tickets.placeholders.noSubject"))}
                    </Link>
                    <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
                      <span>{d.organization}</span>
                      <Badge tone={d.kind === "priority" ? "amber" : "brand"}>{t(`kind.${d.kind}`)}</Badge>
                      {d.kind === "priority" ? (
                        <span>
                          <Badge tone={PRIORITY_TONE[d.priority]}>{d.priority}</Badge> →{" "}
                          {d.proposedPriority ? (
                            <Badge tone={PRIORITY_TONE[d.proposedPriority]}>{d.proposedPriority}</Badge>
                          ) : (
                            "—"
                          )}
                        </span>
                      ) : d.exclusionReason ? (
                        <span>{tt(`tickets.exclusionReasons.${d.exclusionReason}`)}</span>
                      ) : null}
                    </p>
                    <p className="mt-2 text-sm text-slate-800">
                      {t("asked", {
                        name: d.requestedBy,
                        when: format.dateTime(d.createdAt, { dateStyle: "medium", timeStyle: "short" }),
                      })}{" "}
                      “{d.reason}”
                    </p>
                  </div>
                  <DecideDispute disputeId={d.id} label={t("decideLabel", { id: d.ticketId })} />
                </div>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
