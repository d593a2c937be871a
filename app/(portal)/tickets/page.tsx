import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getFormatter, getLocale, getNow, getTimeZone, getTranslations } from "next-intl/server";
import { zoneName } from "@/components/format";
import { TicketListTable, type TicketListRow } from "@/components/tickets/ticket-list-table";
import { Card, PageHeader } from "@/components/ui/card";
import { Refused } from "@/components/ui/refused";
import { PRODUCT_AREAS } from "@/db/schema/enums";
import { serverCaller } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";
import { can } from "@/server/auth/permissions";
import { shownSubject } from "@/server/tickets/subject";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("tickets") };
}

type Search = {
  status?: string;
  priority?: string;
  area?: string;
  requester?: string;
  sort?: string;
  q?: string;
  after?: string;
};
const STATUS = ["open", "closed", "new", "pending_customer", "workaround_provided", "resolved"] as const;
const PRIORITIES = ["P0", "P1", "P2", "P3"] as const;

function parseCursor(after: string | undefined, sort: "newest" | "due") {
  const m = after ? /^(\d+)_(\d+)$/.exec(after) : null;
  if (!m) return null;
  return sort === "due"
    ? { nextDueAt: new Date(Number(m[1])), id: Number(m[2]) }
    : { createdAt: new Date(Number(m[1])), id: Number(m[2]) };
}

export default async function TicketsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await getSessionUser();
  if (!user || !can(user, "tickets.work")) return <Refused permission="tickets.work" />;
  const sp = await searchParams;
  const status = (STATUS as readonly string[]).includes(sp.status ?? "")
    ? (sp.status as (typeof STATUS)[number])
    : undefined;
  const priority = (PRIORITIES as readonly string[]).includes(sp.priority ?? "")
    ? (sp.priority as (typeof PRIORITIES)[number])
    : undefined;
  const productArea = (PRODUCT_AREAS as readonly string[]).includes(sp.area ?? "")
    ? (sp.area as (typeof PRODUCT_AREAS)[number])
    : undefined;
  const sort = sp.sort === "due" ? "due" : "newest";
  const q = sp.q?.slice(0, 200) ?? "";
  const api = await serverCaller();
  const isCustomer = user.role === "customer";
  const colleagues = isCustomer ? await api.tickets.colleagues() : [];
  const requesterId = colleagues.find((c) => String(c.id) === sp.requester)?.id;
  const page = await api.tickets.list({
    status,
    priority,
    productArea,
    requesterId,
    sort,
    search: q || undefined,
    cursor: parseCursor(sp.after, sort),
    limit: 25,
  });
  const t = await getTranslations("tickets");
  const tc = await getTranslations("common");
  const format = await getFormatter();
  const locale = await getLocale();
  type Item = (typeof page.items)[number];
  const sla = (item: Item): TicketListRow["sla"] =>
    item.outsideSla
      ? { text: t("outsideSlaShort") }
      : item.excluded
        ? { text: t("excluded") }
        : item.breached
          ? { text: t("breached"), tone: "red" }
          : item.nextDueAt
            ? { text: t("onTrack"), tone: "brand" }
            : { text: t("done"), tone: "green" };
  const when = (item: Item) =>
    format.dateTime(sort === "due" && item.nextDueAt ? item.nextDueAt : item.createdAt, {
      dateStyle: "medium",
      timeStyle: "short",
    });
  const dateLabel = sort === "due" ? t("nextDue") : t("created");
  const keep = new URLSearchParams(
    Object.entries({
      status: status ?? "",
      priority: priority ?? "",
      area: productArea ?? "",
      requester: requesterId ? String(requesterId) : "",
      sort: sort === "due" ? "due" : "",
      q,
    }).filter(([, v]) => v),
  );
  const next = page.nextCursor;
  const olderHref = next
    ? `/tickets?${new URLSearchParams([...keep, ["after", `${("nextDueAt" in next ? next.nextDueAt : next.createdAt).getTime()}_${next.id}`]])}`
    : null;
  const selectClass = "mt-1 rounded-md border border-slate-300 px-2 py-1.5 text-sm";

  return (
    <>
      <PageHeader title={t("title")} description={isCustomer ? t("subtitleCustomer") : t("subtitleStaff")}>
        <Link
          href="/tickets/new"
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
        >
          {isCustomer ? t("new") : t("form.staffTitle")}
        </Link>
      </PageHeader>
      <Card>
        <form method="get" aria-label={t("filters")} className="mb-4 flex flex-wrap items-end gap-3">
          <label className="text-sm">
            <span className="block font-medium text-slate-700">{t("status")}</span>
            <select
              name="status"
              defaultValue={status ?? ""}
              className="mt-1 rounded-md border border-slate-300 px-2 py-1.5 text-sm"
            >
              <option value="">{t("any")}</option>
              <option value="open">{t("openOnly")}</option>
              <option value="closed">{t("closedOnly")}</option>
              {(["new", "pending_customer", "workaround_provided", "resolved"] as const).map((s) => (
                <option key={s} value={s}>
                  {t(`statuses.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm">
            <span className="block font-medium text-slate-700">{t("priority")}</span>
            <select
              name="priority"
              defaultValue={priority ?? ""}
              className="mt-1 rounded-md border border-slate-300 px-2 py-1.5 text-sm"
            >
              <option value="">{t("any")}</option>
              {PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm">
            <span className="block font-medium text-slate-700">{t("productArea")}</span>
            <select name="area" defaultValue={productArea ?? ""} className={selectClass}>
              <option value="">{t("any")}</option>
              {PRODUCT_AREAS.map((a) => (
                <option key={a} value={a}>
                  {t(`productAreas.${a}`)}
                </option>
              ))}
            </select>
          </label>
          {isCustomer ? (
            <label className="text-sm">
              <span className="block font-medium text-slate-700">{t("requester")}</span>
              <select name="requester" defaultValue={requesterId ? String(requesterId) : ""} className={selectClass}>
                <option value="">{t("anyone")}</option>
                {colleagues.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.id === user.id ? t("me", { name: c.name }) : c.name}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <label className="text-sm">
            <span className="block font-medium text-slate-700">{t("sortLabel")}</span>
            <select name="sort" defaultValue={sort} className={selectClass}>
              <option value="newest">{t("sortNewest")}</option>
              <option value="due">{t("sortDue")}</option>
            </select>
          </label>
          <label className="min-w-[12rem] flex-1 text-sm">
            <span className="block font-medium text-slate-700">{t("search")}</span>
            <input
              type="search"
              name="q"
              defaultValue={q}
              className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm"
            />
          </label>
          <button
            type="submit"
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50"
          >
            {t("apply")}
          </button>
        </form>
        {page.items.length === 0 ? (
          <p className="py-8 text-center text-sm text-slate-600">{t("empty")}</p>
        ) : (
          <TicketListTable
            showOrganization={!isCustomer}
            labels={{
              caption: t("title"),
              number: t("number"),
              subject: t("subject"),
              organization: t("organization"),
              priority: t("priority"),
              status: t("status"),
              sla: t("sla"),
              when: dateLabel,
            }}
            rows={page.items.map((item) => ({
              id: item.id,
              subject: shownSubject(item.subject, t("placeholders.noSubject")),
              organization: isCustomer ? null : item.organization,
              priority: item.priority,
              status: t(`statuses.${item.status}`),
              sla: sla(item),
              when: when(item),
            }))}
          />
        )}
        <p className="mt-2 text-xs text-slate-500">
          {tc("timeZoneNote", { zone: zoneName(locale, await getTimeZone(), await getNow()) })}
        </p>
        <nav className="mt-4 flex justify-between text-sm" aria-label={t("title")}>
          {sp.after ? (
            <Link href={`/tickets?${keep}`} className="font-medium text-brand-700 hover:underline">
              {t("newest")}
            </Link>
          ) : (
            <span />
          )}
          {olderHref ? (
            <Link href={olderHref} className="font-medium text-brand-700 hover:underline">
              {t("older")} →
            </Link>
          ) : null}
        </nav>
      </Card>
    </>
  );
}
