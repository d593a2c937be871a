import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { redirect } from "next/navigation";
import { getLocale, getNow, getTimeZone, getTranslations } from "next-intl/server";
import { zoneName } from "@/components/format";
import { OnCallStrip } from "@/components/on-call/on-call-strip";
import { queueRow } from "@/components/queue/queue-row";
import { QueueFilters } from "@/components/queue/queue-filters";
import type { FilterSelectProps } from "@/components/ui/filter-select";
import { QueueTable } from "@/components/queue/queue-table";
import { SaveView } from "@/components/queue/save-view";
import { Card, PageHeader } from "@/components/ui/card";
import { Refused } from "@/components/ui/refused";
import {
  ESCALATION_LEVELS,
  OPEN_TICKET_STATUSES,
  PRODUCT_AREAS,
  QUEUE_SORTS,
  REGIONS,
  TIER_CODES,
} from "@/db/schema/enums";
import { serverCaller } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";
import { can } from "@/server/auth/permissions";
import { QUEUE_COLUMNS, searchOfView, viewFromSearch } from "@/server/tickets/queue-views";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("queue") };
}

type Search = Record<string, string | string[] | undefined>;
const PRIORITIES = ["P0", "P1", "P2", "P3"] as const;
/** Tickets per section and page, as the customer's ticket list shows (about a screen and a half). */
const PAGE_SIZE = 25;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const cursorParam = (v: string | string[] | undefined) => {
  const s = one(v);
  return s && s.length <= 200 ? s : undefined;
};

/**
 * The staff queue: tickets still due by urgency, then the breached ones in their own section;
 * saved views, chosen columns, sorting, filters on any colleague and bulk actions. Every setting
 * lives in the URL (without empty parameters), so a view can be shared as a link.
 */
export default async function QueuePage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await getSessionUser();
  if (!user || !can(user, "tickets.support")) return <Refused permission="tickets.support" />;
  const sp = await searchParams;
  const viewId = /^\d{1,12}$/.test(one(sp.view) ?? "") ? one(sp.view)! : undefined;
  const api = await serverCaller();
  const views = await api.tickets.views();
  const current = views.find((v) => String(v.id) === viewId) ?? null;
  // A link naming only a saved view opens it as saved; any other setting in the address wins.
  const onlyView = current && Object.keys(sp).every((k) => k === "view");
  const settings = onlyView
    ? { columns: current.columns, filters: current.filters, sort: current.sort }
    : viewFromSearch({ ...sp, cols: Array.isArray(sp.cols) ? sp.cols.join(",") : sp.cols });
  const after = cursorParam(sp.after);
  const bafter = cursorParam(sp.bafter);
  const none = one(sp.none) === "1" ? "1" : undefined;
  const canonical = searchOfView(settings, { view: viewId, after, bafter, none });
  const given = new URLSearchParams(
    Object.entries(sp).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : v === undefined ? [] : [[k, v]])),
  );
  // Empty fields of the filter form, several column boxes, unknown values: one clean address.
  if (
    [...given.values()].some((v) => v === "") ||
    Array.isArray(sp.cols) ||
    given.size > new URLSearchParams(canonical).size
  )
    redirect(`/queue${canonical}`);

  const [page, colleagues, onCall] = await Promise.all([
    api.tickets.queue({
      ...settings.filters,
      sort: settings.sort,
      cursor: after,
      breachedCursor: bafter,
      limit: PAGE_SIZE,
    }),
    api.tickets.assignees({ query: "", limit: 100 }),
    can(user, "oncall.read") ? api.onCall.now() : Promise.resolve(null),
  ]);
  const t = await getTranslations("queue");
  const tt = await getTranslations();
  const now = await getNow();
  const here = (extra: Record<string, string | undefined>) =>
    `/queue${searchOfView(settings, { view: viewId, after, bafter, ...extra })}`;
  const f = settings.filters;
  const activeFilters = Object.values(f).filter((v) => v !== undefined && v !== "").length;
  const select = (
    name: string,
    label: string,
    value: string | undefined,
    options: readonly string[],
    optionLabel: (o: string) => string,
    anyLabel: string = t("any"),
  ): FilterSelectProps => ({ name, label, value, anyLabel, options: options.map((o) => [o, optionLabel(o)] as const) });
  // Colleagues as the selects name them: a name two people share is told apart by the email.
  const named = new Map<string, number>();
  for (const c of colleagues) named.set(c.name, (named.get(c.name) ?? 0) + 1);
  const people = colleagues.map((c) => ({
    id: c.id,
    name: named.get(c.name)! > 1 ? `${c.name} (${c.email})` : c.name,
  }));
  const names = new Map(people.map((c) => [String(c.id), c.name]));
  /** One section's table (or its empty note) and its pages; the breached section pages with `bafter`. */
  const section = (which: "due" | "breached", data: typeof page.due, caption: string, empty: string) => {
    const param = which === "due" ? "after" : "bafter";
    const hash = which === "due" ? "" : "#breached";
    return (
      <>
        {data.items.length === 0 ? (
          <p className="py-6 text-center text-sm text-slate-600">{empty}</p>
        ) : (
          <QueueTable
            id={`queue-${which}`}
            caption={caption}
            items={data.items.map((item) => queueRow(item, settings.columns))}
            columns={settings.columns}
            colleagues={people}
            me={user.id}
            serverNow={now}
          />
        )}
        <nav className="mt-2 flex justify-between text-sm" aria-label={caption}>
          {(which === "due" ? after : bafter) ? (
            <Link
              href={`${here({ [param]: undefined })}${hash}`}
              className="font-medium text-brand-700 hover:underline"
            >
              {t("first")}
            </Link>
          ) : (
            <span />
          )}
          {data.nextCursor ? (
            <Link
              href={`${here({ [param]: data.nextCursor })}${hash}`}
              className="font-medium text-brand-700 hover:underline"
            >
              {t("more")} →
            </Link>
          ) : null}
        </nav>
      </>
    );
  };

  return (
    <>
      <PageHeader title={t("title")} description={t("subtitle")}>
        <div className="flex items-center gap-3">
          <span className="text-sm font-medium text-slate-700">{t("count", { n: page.total })}</span>
          {page.breached.total > 0 ? (
            <a href="#breached" className="text-sm font-medium text-red-700 hover:underline">
              {t("breachedLink", { n: page.breached.total })}
            </a>
          ) : null}
          {/* A plain link (no prefetch): following it takes a ticket. */}
          <a
            href="/queue/next"
            className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700"
          >
            {t("next")}
          </a>
        </div>
      </PageHeader>
      {none ? (
        <p role="status" className="mb-4 rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">
          {t("noneWaiting")}
        </p>
      ) : null}
      {onCall ? (
        <div className="mb-4">
          <OnCallStrip rows={onCall} />
        </div>
      ) : null}
      <nav aria-label={t("views.title")} className="mb-3 flex flex-wrap items-center gap-2 text-sm">
        <span className="font-medium text-slate-700">{t("views.title")}:</span>
        <Link
          href="/queue"
          aria-current={!viewId && canonical === "" ? "page" : undefined}
          className="rounded-full border border-slate-300 px-3 py-1 hover:bg-slate-50 aria-[current=page]:border-brand-600 aria-[current=page]:bg-brand-50"
        >
          {t("views.default")}
        </Link>
        {views.map((v) => (
          <Link
            key={v.id}
            href={`/queue${searchOfView(v, { view: String(v.id) })}`}
            aria-current={String(v.id) === viewId ? "page" : undefined}
            className="rounded-full border border-slate-300 px-3 py-1 hover:bg-slate-50 aria-[current=page]:border-brand-600 aria-[current=page]:bg-brand-50"
          >
            {v.name}
            {v.shared ? (
              <span className="ml-1 text-xs text-slate-500">({t("views.sharedBy", { name: v.ownerName })})</span>
            ) : null}
          </Link>
        ))}
      </nav>
      <Card>
        {/* Closed unless a filter is set, so the rows, not the form, fill the first screen. */}
        <QueueFilters
          open={activeFilters > 0}
          summary={t("filterToggle", { n: activeFilters })}
          formLabel={t("filters")}
          viewId={viewId}
          selects={[
            select("tier", t("tier"), f.tier, TIER_CODES, (o) => tt(`tier.${o}`)),
            select("priority", t("priority"), f.priority, PRIORITIES, (o) => tt(`priority.${o}`)),
            select("level", t("level"), f.level, ESCALATION_LEVELS, (o) => o),
            select("status", t("columns.status"), f.status, OPEN_TICKET_STATUSES, (o) => tt(`tickets.statuses.${o}`)),
            select(
              "assignee",
              t("assignee"),
              f.assignee === undefined ? undefined : String(f.assignee),
              ["mine", "unassigned", ...people.filter((c) => c.id !== user.id).map((c) => String(c.id))],
              (o) => (o === "mine" || o === "unassigned" ? t(o) : (names.get(o) ?? o)),
            ),
            select("productArea", t("productArea"), f.productArea, PRODUCT_AREAS, (o) =>
              tt(`tickets.productAreas.${o}`),
            ),
            select("region", t("region"), f.region, REGIONS, (o) => tt(`region.${o}`)),
          ]}
          appId={{ label: t("appId"), value: f.appId ?? "" }}
          sort={select(
            "sort",
            t("sort"),
            settings.sort === "urgency" ? undefined : settings.sort,
            QUEUE_SORTS.slice(1),
            (o) => t(`sorts.${o}`),
            t("sorts.urgency"),
          )}
          columns={{
            label: t("chooseColumns"),
            choices: QUEUE_COLUMNS.map((c) => [c, t(`columns.${c}`), settings.columns.includes(c)] as const),
          }}
          applyLabel={t("apply")}
          resetLabel={t("reset")}
        />
        <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
          <p className="text-xs text-slate-500">
            {t("share")} {tt("common.timeZoneNote", { zone: zoneName(await getLocale(), await getTimeZone(), now) })}
          </p>
          <SaveView
            settings={settings}
            current={
              current ? { id: current.id, name: current.name, shared: current.shared, mayEdit: current.mayEdit } : null
            }
            canShare={can(user, "tickets.manage")}
          />
        </div>
        <h2 className="mb-1 text-sm font-semibold text-slate-900">{t("dueSection", { n: page.due.total })}</h2>
        {section("due", page.due, t("dueSection", { n: page.due.total }), t("empty"))}
      </Card>
      <section
        id="breached"
        aria-labelledby="breached-title"
        className="mt-6 rounded-xl border border-red-200 bg-white px-5 py-4 shadow-sm"
      >
        <h2 id="breached-title" className="mb-1 text-base font-semibold text-red-800">
          {t("breachedSection", { n: page.breached.total })}
        </h2>
        <p className="mb-2 text-xs text-slate-600">{t("breachedHelp")}</p>
        {section("breached", page.breached, t("breachedSection", { n: page.breached.total }), t("noneBreached"))}
      </section>
    </>
  );
}
