import type { Metadata } from "next";
import { RouteMessages } from "@/components/i18n/route-messages";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { getFormatter, getLocale, getNow, getTimeZone, getTranslations } from "next-intl/server";
import { joinList, zoneName } from "@/components/format";
import { formatDowntime } from "@/components/incidents/format";
import { ActionEditor, AddActionForm, ReviewForm, UpdateForm } from "@/components/incidents/incident-actions";
import { PHASE_TONE, SEVERITY_TONE, ToneBadge } from "@/components/incidents/labels";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { serverCaller } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";
import { can } from "@/server/auth/permissions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("incident") };
}

/** One incident: what happened, its updates and its post-incident review. Customers see it only if it affected them. */
export default async function IncidentPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ notified?: string; shortNotice?: string }>;
}) {
  const user = await getSessionUser();
  if (!user) notFound();
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const api = await serverCaller();
  const incident = await api.incidents.get({ id }).catch((err: unknown) => {
    if (err instanceof TRPCError && err.code === "NOT_FOUND") notFound();
    throw err;
  });
  const t = await getTranslations();
  const format = await getFormatter();
  const now = await getNow();
  const zone = zoneName(await getLocale(), await getTimeZone(), now);
  const staff = user.role !== "customer";
  const canWrite = can(user, "incidents.write");
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const end = incident.phase === "ongoing" ? now : incident.endedAt;
  const minutes = end ? (end.getTime() - incident.startedAt.getTime()) / 60_000 : null;
  const noticeHours = incident.announcedAt
    ? Math.floor((incident.startedAt.getTime() - incident.announcedAt.getTime()) / 3_600_000)
    : null;

  return (
    <RouteMessages namespaces={["incidents.actionStatus", "incidents.detail"]}>
      <Link href={staff ? "/incidents" : "/status"} className="text-sm font-medium text-brand-700 hover:underline">
        ← {staff ? t("incidents.detail.back") : t("incidents.detail.backToStatus")}
      </Link>
      <PageHeader title={incident.title}>
        {canWrite ? (
          <Link
            href={`/incidents/${incident.id}/edit`}
            className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-50"
          >
            {t("incidents.detail.edit")}
          </Link>
        ) : null}
      </PageHeader>
      {canWrite ? <DeclaredNote {...await searchParams} /> : null}
      <div className="-mt-4 mb-6 flex flex-wrap gap-2">
        <ToneBadge tone={PHASE_TONE[incident.phase]}>{t(`incidents.phase.${incident.phase}`)}</ToneBadge>
        <ToneBadge tone={SEVERITY_TONE[incident.severity]}>{t(`incidents.severity.${incident.severity}`)}</ToneBadge>
        {incident.planned ? <Badge tone="brand">{t("incidents.kind.maintenance")}</Badge> : null}
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <Card id="summary" title={t("incidents.detail.summary")}>
            <p className="text-sm whitespace-pre-wrap text-slate-800">{incident.summary}</p>
          </Card>
          <Card id="updates" title={t("incidents.detail.updates")}>
            {canWrite ? <UpdateForm incidentId={incident.id} ongoing={incident.phase === "ongoing"} /> : null}
            {incident.updates.length === 0 ? (
              <p className="text-sm text-slate-600">{t("incidents.detail.noUpdates")}</p>
            ) : (
              <ol className="space-y-3">
                {incident.updates.map((u) => (
                  <li key={u.id} className="border-brand-200 border-l-2 pl-3">
                    <p className="text-xs font-medium text-slate-500">
                      <time dateTime={u.at.toISOString()}>{when(u.at)}</time>
                    </p>
                    <p className="text-sm whitespace-pre-wrap text-slate-800">{u.body}</p>
                  </li>
                ))}
              </ol>
            )}
          </Card>
          <Card id="review" title={t("incidents.detail.review")} description={t("incidents.detail.reviewHint")}>
            {canWrite ? (
              <ReviewForm
                incidentId={incident.id}
                rootCause={incident.rootCause}
                reviewTimeline={incident.reviewTimeline}
              />
            ) : (
              <dl className="space-y-3 text-sm">
                <div>
                  <dt className="font-medium text-slate-700">{t("incidents.detail.rootCause")}</dt>
                  <dd className="mt-1 whitespace-pre-wrap text-slate-800">
                    {incident.rootCause ?? t("incidents.detail.reviewPending")}
                  </dd>
                </div>
                {incident.reviewTimeline ? (
                  <div>
                    <dt className="font-medium text-slate-700">{t("incidents.detail.timeline")}</dt>
                    <dd className="mt-1 font-mono text-xs whitespace-pre-wrap text-slate-800">
                      {incident.reviewTimeline}
                    </dd>
                  </div>
                ) : null}
              </dl>
            )}
            <h3 className="mt-6 text-sm font-semibold text-slate-900">{t("incidents.detail.actions")}</h3>
            {incident.actions.length === 0 ? (
              <p className="mt-2 text-sm text-slate-600">{t("incidents.detail.noActions")}</p>
            ) : canWrite ? (
              <ul className="mt-2 space-y-4">
                {incident.actions.map((a) => (
                  <li key={a.id} className="rounded-lg border border-slate-200 p-3">
                    <p className="mb-2 text-sm font-medium text-slate-900">
                      {a.title}{" "}
                      <ToneBadge
                        tone={a.status === "done" ? "green" : a.status === "in_progress" ? "amber" : "neutral"}
                      >
                        {t(`incidents.actionStatus.${a.status}`)}
                      </ToneBadge>
                    </p>
                    <ActionEditor action={{ ...a, owner: a.owner ?? "" }} />
                  </li>
                ))}
              </ul>
            ) : (
              <Table caption={t("incidents.detail.actions")}>
                <thead>
                  <tr>
                    <Th>{t("incidents.detail.actionTitle")}</Th>
                    {staff ? <Th>{t("incidents.detail.owner")}</Th> : null}
                    <Th>{t("incidents.detail.dueDate")}</Th>
                    <Th>{t("incidents.detail.status")}</Th>
                  </tr>
                </thead>
                <tbody>
                  {incident.actions.map((a) => (
                    <tr key={a.id}>
                      <Td header>{a.title}</Td>
                      {staff ? <Td>{a.owner}</Td> : null}
                      <Td>
                        {format.dateTime(new Date(`${a.dueDate}T12:00:00Z`), {
                          dateStyle: "medium",
                          timeZone: "UTC",
                        })}
                      </Td>
                      <Td>{t(`incidents.actionStatus.${a.status}`)}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
            {canWrite ? <AddActionForm incidentId={incident.id} /> : null}
          </Card>
        </div>
        <div className="min-w-0 space-y-6">
          <Card id="facts" title={t("incidents.detail.facts")}>
            <dl className="space-y-3 text-sm">
              <div>
                <dt className="text-slate-500">{t("incidents.list.productArea")}</dt>
                <dd className="font-medium">{t(`tickets.productAreas.${incident.productArea}`)}</dd>
              </div>
              <div>
                <dt className="text-slate-500">{t("incidents.list.region")}</dt>
                <dd className="font-medium">
                  {joinList(
                    await getLocale(),
                    incident.regions.map((r) => t(`region.${r}`)),
                  )}
                </dd>
              </div>
              {staff ? (
                <div>
                  <dt className="text-slate-500">{t("incidents.detail.affected")}</dt>
                  <dd className="font-medium">
                    {incident.allOrganizations ? (
                      t("incidents.list.allInRegions")
                    ) : (
                      <ul>
                        {incident.affectedOrganizations.map((o) => (
                          <li key={o.id}>
                            <Link href={`/status?org=${o.id}`} className="text-brand-700 hover:underline">
                              {o.name}
                            </Link>
                          </li>
                        ))}
                      </ul>
                    )}
                  </dd>
                </div>
              ) : null}
              <div>
                <dt className="text-slate-500">{t("incidents.detail.started")}</dt>
                <dd className="font-medium">{when(incident.startedAt)}</dd>
              </div>
              <div>
                <dt className="text-slate-500">{t("incidents.detail.ended")}</dt>
                <dd className="font-medium">
                  {incident.endedAt ? when(incident.endedAt) : t("incidents.phase.ongoing")}
                </dd>
              </div>
              {minutes !== null ? (
                <div>
                  <dt className="text-slate-500">{t("incidents.list.duration")}</dt>
                  <dd className="font-medium">{formatDowntime(t, minutes)}</dd>
                </div>
              ) : null}
              {incident.announcedAt ? (
                <div>
                  <dt className="text-slate-500">{t("incidents.detail.announced")}</dt>
                  <dd className="font-medium">
                    {when(incident.announcedAt)}
                    <span className="block text-xs font-normal text-slate-500">
                      {t("incidents.detail.noticeHours", { h: noticeHours ?? 0 })}
                    </span>
                  </dd>
                </div>
              ) : null}
              <div>
                <dt className="text-slate-500">{t("incidents.list.availability")}</dt>
                <dd className="font-medium">{t(`incidents.rule.${incident.downtimeRule}`)}</dd>
              </div>
              {staff && incident.createdBy ? (
                <div>
                  <dt className="text-slate-500">{t("incidents.detail.recordedBy")}</dt>
                  <dd className="font-medium">{incident.createdBy}</dd>
                </div>
              ) : null}
            </dl>
            <p className="mt-4 text-xs text-slate-500">{t("common.timeZoneNote", { zone })}</p>
          </Card>
        </div>
      </div>
    </RouteMessages>
  );
}

/** After declaring: how many subscribed customers were told, and whether maintenance had short notice. */
async function DeclaredNote({ notified, shortNotice }: { notified?: string; shortNotice?: string }) {
  const n = Number(notified);
  if (notified === undefined || !Number.isSafeInteger(n) || n < 0) return null;
  const t = await getTranslations("incidents.form");
  return (
    <div role="status" className="mb-6 space-y-1 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
      <p>{t("notified", { n })}</p>
      {shortNotice === "1" ? <p className="font-medium text-amber-800">{t("shortNoticeFlag")}</p> : null}
    </div>
  );
}
