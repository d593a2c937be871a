import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getFormatter, getLocale, getNow, getTimeZone, getTranslations } from "next-intl/server";
import { joinList, zoneName } from "@/components/format";
import { formatDowntime } from "@/components/incidents/format";
import { PHASE_TONE, SEVERITY_TONE, ToneBadge } from "@/components/incidents/labels";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { Refused } from "@/components/ui/refused";
import { Table, Td, Th } from "@/components/ui/table";
import { INCIDENT_SEVERITIES, PRODUCT_AREAS, REGIONS } from "@/db/schema/enums";
import { serverCaller } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";
import { can } from "@/server/auth/permissions";
import { FilterSelect } from "@/components/ui/filter-select";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("incidents") };
}

type Search = { phase?: string; productArea?: string; region?: string; severity?: string; kind?: string };
const PHASES = ["ongoing", "scheduled", "ended"] as const;
const KINDS = ["outage", "maintenance"] as const;
const pick = <T extends string>(list: readonly T[], v: string | undefined): T | undefined =>
  (list as readonly string[]).includes(v ?? "") ? (v as T) : undefined;

/** Staff: every incident and maintenance window, ongoing first, with filters. */
export default async function IncidentsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await getSessionUser();
  if (!user || !can(user, "incidents.read")) return <Refused permission="incidents.read" />;
  const sp = await searchParams;
  const filters = {
    phase: pick(PHASES, sp.phase),
    productArea: pick(PRODUCT_AREAS, sp.productArea),
    region: pick(REGIONS, sp.region),
    severity: pick(INCIDENT_SEVERITIES, sp.severity),
    kind: pick(KINDS, sp.kind),
  };
  const api = await serverCaller();
  const items = await api.incidents.list({ ...filters, limit: 200 });
  const t = await getTranslations();
  const locale = await getLocale();
  const format = await getFormatter();
  const now = await getNow();
  const canWrite = can(user, "incidents.write");
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const duration = (i: (typeof items)[number]) =>
    i.phase === "ongoing"
      ? t("incidents.list.ongoingFor", { d: formatDowntime(t, (now.getTime() - i.startedAt.getTime()) / 60_000) })
      : i.endedAt
        ? formatDowntime(t, (i.endedAt.getTime() - i.startedAt.getTime()) / 60_000)
        : "—";
  const select = (
    name: keyof Search,
    label: string,
    options: readonly string[],
    text: (o: string) => string,
    value: string | undefined,
  ) => (
    <FilterSelect
      name={name}
      label={label}
      value={value}
      anyLabel={t("incidents.list.any")}
      options={options.map((o) => [o, text(o)] as const)}
    />
  );

  return (
    <>
      <PageHeader title={t("incidents.list.title")} description={t("incidents.list.subtitle")}>
        {canWrite ? (
          <Link
            href="/incidents/new"
            className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
          >
            {t("incidents.list.new")}
          </Link>
        ) : null}
      </PageHeader>
      <Card>
        <form method="get" aria-label={t("incidents.list.filters")} className="mb-4 flex flex-wrap items-end gap-3">
          {select("phase", t("incidents.list.phase"), PHASES, (o) => t(`incidents.phase.${o}`), filters.phase)}
          {select("kind", t("incidents.list.kind"), KINDS, (o) => t(`incidents.kind.${o}`), filters.kind)}
          {select(
            "productArea",
            t("incidents.list.productArea"),
            PRODUCT_AREAS,
            (o) => t(`tickets.productAreas.${o}`),
            filters.productArea,
          )}
          {select("region", t("incidents.list.region"), REGIONS, (o) => t(`region.${o}`), filters.region)}
          {select(
            "severity",
            t("incidents.list.severity"),
            INCIDENT_SEVERITIES,
            (o) => t(`incidents.severity.${o}`),
            filters.severity,
          )}
          <button
            type="submit"
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50"
          >
            {t("incidents.list.apply")}
          </button>
        </form>
        {items.length === 0 ? (
          <p className="py-8 text-center text-sm text-slate-600">{t("incidents.list.empty")}</p>
        ) : (
          <>
            <ul className="space-y-3 sm:hidden">
              {items.map((i) => (
                <li
                  key={i.id}
                  className={`rounded-lg border p-3 text-sm ${i.phase === "ongoing" ? "border-red-200 bg-red-50/40" : "border-slate-200"}`}
                >
                  <Link href={`/incidents/${i.id}`} className="font-medium text-brand-700 hover:underline">
                    {i.title}
                  </Link>
                  <div className="mt-1 flex flex-wrap gap-1">
                    <ToneBadge tone={PHASE_TONE[i.phase]}>{t(`incidents.phase.${i.phase}`)}</ToneBadge>
                    <ToneBadge tone={SEVERITY_TONE[i.severity]}>{t(`incidents.severity.${i.severity}`)}</ToneBadge>
                    {i.planned ? <Badge tone="brand">{t("incidents.kind.maintenance")}</Badge> : null}
                  </div>
                  <p className="mt-1 text-xs text-slate-600">
                    {t(`tickets.productAreas.${i.productArea}`)} ·{" "}
                    {joinList(
                      locale,
                      i.regions.map((r) => t(`region.${r}`)),
                    )}
                  </p>
                  <p className="text-xs text-slate-600">
                    {when(i.startedAt)} · {duration(i)} ·{" "}
                    {i.countsAsDowntime ? t("incidents.list.counts") : t("incidents.list.excused")}
                  </p>
                </li>
              ))}
            </ul>
            <div className="hidden sm:block">
              <Table caption={t("incidents.list.title")}>
                <thead>
                  <tr>
                    <Th>{t("incidents.list.incident")}</Th>
                    <Th>{t("incidents.list.phase")}</Th>
                    <Th>{t("incidents.list.severity")}</Th>
                    <Th>{t("incidents.list.productArea")}</Th>
                    <Th>{t("incidents.list.scope")}</Th>
                    <Th>{t("incidents.list.started")}</Th>
                    <Th>{t("incidents.list.duration")}</Th>
                    <Th>{t("incidents.list.availability")}</Th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((i) => (
                    <tr key={i.id} className={i.phase === "ongoing" ? "bg-red-50/40" : "hover:bg-slate-50"}>
                      <Td header>
                        <Link href={`/incidents/${i.id}`} className="text-brand-700 hover:underline">
                          {i.title}
                        </Link>
                        {i.planned ? (
                          <span className="ml-2">
                            <Badge tone="brand">{t("incidents.kind.maintenance")}</Badge>
                          </span>
                        ) : null}
                      </Td>
                      <Td>
                        <ToneBadge tone={PHASE_TONE[i.phase]}>{t(`incidents.phase.${i.phase}`)}</ToneBadge>
                      </Td>
                      <Td>
                        <ToneBadge tone={SEVERITY_TONE[i.severity]}>{t(`incidents.severity.${i.severity}`)}</ToneBadge>
                      </Td>
                      <Td>{t(`tickets.productAreas.${i.productArea}`)}</Td>
                      <Td>
                        {joinList(
                          locale,
                          i.regions.map((r) => t(`region.${r}`)),
                        )}
                        <span className="block text-xs text-slate-500">
                          {i.scope === "regions"
                            ? t("incidents.list.allInRegions")
                            : t("incidents.list.listed", { n: i.listedOrganizations ?? 0 })}
                        </span>
                      </Td>
                      <Td>{when(i.startedAt)}</Td>
                      <Td>{duration(i)}</Td>
                      <Td>
                        {i.countsAsDowntime ? (
                          t("incidents.list.counts")
                        ) : (
                          <span className="text-slate-500">{t("incidents.list.excused")}</span>
                        )}
                      </Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </div>
          </>
        )}
        <p className="mt-2 text-xs text-slate-500">
          {t("common.timeZoneNote", { zone: zoneName(await getLocale(), await getTimeZone(), now) })}
        </p>
      </Card>
    </>
  );
}
