import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getNow, getTimeZone, getTranslations } from "next-intl/server";
import { zoneName } from "@/components/format";
import { OnCallStrip } from "@/components/on-call/on-call-strip";
import { Countdown } from "@/components/tickets/countdown";
import { Badge, PRIORITY_TONE } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { Refused } from "@/components/ui/refused";
import { Table, Td, Th } from "@/components/ui/table";
import { ESCALATION_LEVELS, PRODUCT_AREAS, REGIONS, TIER_CODES } from "@/db/schema/enums";
import { serverCaller } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";
import { can } from "@/server/auth/permissions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("queue") };
}

type Search = Record<
  "tier" | "priority" | "level" | "assignee" | "productArea" | "region" | "appId" | "after",
  string | undefined
>;
const PRIORITIES = ["P0", "P1", "P2", "P3"] as const;
const pick = <T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined =>
  (allowed as readonly string[]).includes(value ?? "") ? (value as T) : undefined;

/** The staff queue; every filter lives in the URL, so a view can be shared as a link. */
export default async function QueuePage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await getSessionUser();
  if (!user || !can(user, "tickets.support")) return <Refused permission="tickets.support" />;
  const sp = await searchParams;
  const filters = {
    tier: pick(sp.tier, TIER_CODES),
    priority: pick(sp.priority, PRIORITIES),
    level: pick(sp.level, ESCALATION_LEVELS),
    assignee: pick(sp.assignee, ["mine", "unassigned"] as const),
    productArea: pick(sp.productArea, PRODUCT_AREAS),
    region: pick(sp.region, REGIONS),
    appId: sp.appId?.trim().slice(0, 100) || undefined,
  };
  const m = sp.after ? /^(\d+)_(\d+)$/.exec(sp.after) : null;
  const cursor = m ? { nextDueAt: new Date(Number(m[1])), id: Number(m[2]) } : null;
  const api = await serverCaller();
  const [page, onCall] = await Promise.all([
    api.tickets.queue({ ...filters, cursor, limit: 50 }),
    can(user, "oncall.read") ? api.onCall.now() : Promise.resolve(null),
  ]);
  const t = await getTranslations("queue");
  const tt = await getTranslations();
  const format = await getFormatter();
  const now = await getNow();
  const keep = new URLSearchParams(Object.entries(filters).flatMap(([k, v]) => (v ? [[k, v]] : [])));
  const select = (
    name: Exclude<keyof typeof filters, "appId">,
    label: string,
    options: readonly string[],
    optionLabel: (o: string) => string,
  ) => (
    <label className="text-sm">
      <span className="block font-medium text-slate-700">{label}</span>
      <select
        name={name}
        defaultValue={filters[name] ?? ""}
        className="mt-1 rounded-md border border-slate-300 px-2 py-1.5 text-sm"
      >
        <option value="">{t("any")}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {optionLabel(o)}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <>
      <PageHeader title={t("title")} description={t("subtitle")}>
        <span className="text-sm font-medium text-slate-700">{t("count", { n: page.total })}</span>
      </PageHeader>
      {onCall ? (
        <div className="mb-6">
          <OnCallStrip rows={onCall} />
        </div>
      ) : null}
      <Card>
        <form method="get" aria-label={t("title")} className="mb-4 flex flex-wrap items-end gap-3">
          {select("tier", t("tier"), TIER_CODES, (o) => tt(`tier.${o}`))}
          {select("priority", t("priority"), PRIORITIES, (o) => tt(`priority.${o}`))}
          {select("level", t("level"), ESCALATION_LEVELS, (o) => o)}
          {select("assignee", t("assignee"), ["mine", "unassigned"], (o) => t(o as "mine"))}
          {select("productArea", t("productArea"), PRODUCT_AREAS, (o) => tt(`tickets.productAreas.${o}`))}
          {select("region", t("region"), REGIONS, (o) => tt(`region.${o}`))}
          <label className="text-sm">
            <span className="block font-medium text-slate-700">{t("appId")}</span>
            <input
              name="appId"
              type="search"
              defaultValue={filters.appId ?? ""}
              maxLength={100}
              autoComplete="off"
              className="mt-1 w-40 rounded-md border border-slate-300 px-2 py-1.5 text-sm"
            />
          </label>
          <button
            type="submit"
            className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700"
          >
            {t("apply")}
          </button>
          <Link href="/queue" className="px-2 py-1.5 text-sm font-medium text-slate-600 hover:underline">
            {t("reset")}
          </Link>
        </form>
        <p className="mb-3 text-xs text-slate-500">
          {t("share")} {tt("common.timeZoneNote", { zone: zoneName(await getLocale(), await getTimeZone(), now) })}
        </p>
        {page.items.length === 0 ? (
          <p className="py-8 text-center text-sm text-slate-600">{t("empty")}</p>
        ) : (
          <Table caption={t("title")}>
            <thead>
              <tr>
                <Th>{t("ticket")}</Th>
                <Th>{t("organization")}</Th>
                <Th>{t("priority")}</Th>
                <Th>{t("level")}</Th>
                <Th>{t("assignee")}</Th>
                <Th>{t("due")}</Th>
                <Th>{t("state")}</Th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((item) => (
                <tr
                  key={item.id}
                  className={item.breached ? "bg-red-50/60" : item.atRisk ? "bg-amber-50/60" : undefined}
                >
                  <Td header>
                    <Link href={`/tickets/${item.id}`} className="text-brand-700 hover:underline">
                      #{item.id} {item.subject}
                    </Link>
                  </Td>
                  <Td>
                    {item.organization}
                    <span className="block text-xs text-slate-500">
                      {tt(`tier.${item.tier}`)} · {tt(`region.${item.region}`)}
                    </span>
                  </Td>
                  <Td>
                    <Badge tone={PRIORITY_TONE[item.priority]}>{item.priority}</Badge>
                  </Td>
                  <Td>{item.escalationLevel}</Td>
                  <Td>{item.assignee ?? <span className="text-slate-400">{t("unassigned")}</span>}</Td>
                  <Td>
                    <span className="block text-xs text-slate-500">
                      {item.nextMetric
                        ? t("dueMetric", {
                            metric: tt(`metric.${item.nextMetric}`),
                            time: format.dateTime(item.nextDueAt, { dateStyle: "short", timeStyle: "short" }),
                          })
                        : null}
                    </span>
                    <Countdown dueAt={item.nextDueAt} serverNow={now} />
                  </Td>
                  <Td>
                    {item.breached ? (
                      <Badge tone="red">{t("breached")}</Badge>
                    ) : item.atRisk ? (
                      <Badge tone="amber">{t("atRisk")}</Badge>
                    ) : (
                      <Badge tone="green">{t("onTrack")}</Badge>
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        <nav className="mt-4 flex justify-between text-sm" aria-label={t("title")}>
          {cursor ? (
            <Link href={`/queue?${keep}`} className="font-medium text-brand-700 hover:underline">
              {t("first")}
            </Link>
          ) : (
            <span />
          )}
          {page.nextCursor ? (
            <Link
              href={`/queue?${new URLSearchParams([...keep, ["after", `${page.nextCursor.nextDueAt.getTime()}_${page.nextCursor.id}`]])}`}
              className="font-medium text-brand-700 hover:underline"
            >
              {t("more")} →
            </Link>
          ) : null}
        </nav>
      </Card>
    </>
  );
}
