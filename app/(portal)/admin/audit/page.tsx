import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getFormatter, getLocale, getNow, getTimeZone, getTranslations } from "next-intl/server";
import { BackToAdmin } from "@/components/admin/back-link";
import { auditDetailLines, type DetailLine, type Translate } from "@/components/audit/detail-lines";
import { auditTargetView, type AuditTargetView } from "@/components/audit/target";
import { dayWriter, zoneName } from "@/components/format";
import { Card, PageHeader } from "@/components/ui/card";
import { Refused } from "@/components/ui/refused";
import { Table, Td, Th } from "@/components/ui/table";
import { serverCaller } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";
import { can } from "@/server/auth/permissions";
import { ticketPageBase } from "@/server/tickets/links";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("audit") };
}

type Search = { action?: string; actor?: string; from?: string; to?: string; page?: string };
const PAGE_SIZE = 50;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A YYYY-MM-DD day as the UTC instant it starts at (or the next day's start, for an inclusive end). */
function utcDay(value: string | undefined, nextDay = false): Date | undefined {
  if (!value || !DAY.test(value)) return undefined;
  const d = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return undefined;
  return nextDay ? new Date(d.getTime() + 86_400_000) : d;
}

/** An entry's detail as a short list of "what: value" lines (old → new for changes), never JSON. */
function AuditDetail({ lines }: { lines: DetailLine[] }) {
  if (lines.length === 0) return <span className="text-slate-500">—</span>;
  return (
    <dl className="max-w-[28rem] space-y-0.5 text-xs break-words text-slate-600">
      {lines.map((l, i) => (
        <div key={i}>
          {l.field ? <dt className="inline font-medium text-slate-700">{l.field}:</dt> : null}{" "}
          <dd className="inline">{l.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** What an entry was about: its kind, then the thing by name, linked to its page. */
function AuditTarget({ view }: { view: AuditTargetView }) {
  return (
    <>
      <span className="block text-xs text-slate-500">{view.kind}</span>
      {view.text === null ? null : view.href ? (
        <Link href={view.href} className="block text-brand-700 hover:underline">
          {view.text}
        </Link>
      ) : (
        <span className="block text-slate-900">{view.text}</span>
      )}
    </>
  );
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await getSessionUser();
  if (!user || !can(user, "admin.settings")) return <Refused permission="admin.settings" />;
  const sp = await searchParams;
  const action = /^[A-Za-z_.]{1,80}$/.test(sp.action ?? "") ? sp.action : undefined;
  const actor = sp.actor?.trim().slice(0, 200) || undefined;
  const from = DAY.test(sp.from ?? "") ? sp.from : undefined;
  const to = DAY.test(sp.to ?? "") ? sp.to : undefined;
  const requested = Math.min(Math.max(1, Math.floor(Number(sp.page) || 1)), 100_000);
  const api = await serverCaller();
  const log = await api.audit.list({
    action,
    actor,
    from: utcDay(from),
    to: utcDay(to, true),
    page: requested,
    pageSize: PAGE_SIZE,
  });
  const t = await getTranslations("audit");
  const tc = await getTranslations("common");
  const tAll = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();
  const day = dayWriter(locale);
  const ticketBase = ticketPageBase(user);
  const pages = Math.max(1, Math.ceil(log.total / PAGE_SIZE));
  /** An action's label in the viewer's language; a code without one reads as itself. */
  const actionLabel = (code: string) =>
    t.has(`actions.${code}` as "actions.login") ? t(`actions.${code}` as "actions.login") : code;
  const keep = Object.entries({ action: action ?? "", actor: actor ?? "", from: from ?? "", to: to ?? "" }).filter(
    ([, v]) => v,
  );
  const hrefFor = (page: number) => `/admin/audit?${new URLSearchParams([...keep, ["page", String(page)]])}`;

  return (
    <>
      <BackToAdmin />
      <PageHeader title={t("title")} description={t("subtitle")} />
      <Card>
        <form method="get" aria-label={t("filters")} className="mb-4 flex flex-wrap items-end gap-3">
          <label className="text-sm">
            <span className="block font-medium text-slate-700">{t("action")}</span>
            <select
              name="action"
              defaultValue={action ?? ""}
              className="mt-1 max-w-[16rem] rounded-md border border-slate-300 px-2 py-1.5 text-sm"
            >
              <option value="">{t("allActions")}</option>
              {log.actions.map((a) => (
                <option key={a} value={a}>
                  {actionLabel(a)}
                </option>
              ))}
            </select>
          </label>
          <label className="min-w-[12rem] flex-1 text-sm">
            <span className="block font-medium text-slate-700">{t("actor")}</span>
            <input
              type="search"
              name="actor"
              defaultValue={actor ?? ""}
              maxLength={200}
              className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm"
            />
          </label>
          <label className="text-sm">
            <span className="block font-medium text-slate-700">{t("from")}</span>
            <input
              type="date"
              name="from"
              defaultValue={from ?? ""}
              className="mt-1 rounded-md border border-slate-300 px-2 py-1.5 text-sm"
            />
          </label>
          <label className="text-sm">
            <span className="block font-medium text-slate-700">{t("to")}</span>
            <input
              type="date"
              name="to"
              defaultValue={to ?? ""}
              className="mt-1 rounded-md border border-slate-300 px-2 py-1.5 text-sm"
            />
          </label>
          <button
            type="submit"
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50"
          >
            {t("apply")}
          </button>
          {keep.length ? (
            <Link href="/admin/audit" className="py-1.5 text-sm font-medium text-brand-700 hover:underline">
              {t("reset")}
            </Link>
          ) : null}
        </form>
        {from && to && from > to ? (
          <p role="alert" className="py-8 text-center text-sm text-amber-800">
            {t("invertedRange", { from: day(from), to: day(to) })}
          </p>
        ) : log.items.length === 0 ? (
          <p className="py-8 text-center text-sm text-slate-600">{t("empty")}</p>
        ) : (
          <Table caption={t("title")}>
            <thead>
              <tr>
                <Th>{t("at")}</Th>
                <Th>{t("who")}</Th>
                <Th>{t("action")}</Th>
                <Th>{t("target")}</Th>
                <Th>{t("detail")}</Th>
                <Th>{t("ip")}</Th>
              </tr>
            </thead>
            <tbody>
              {log.items.map((e) => (
                <tr key={e.id}>
                  <Td>
                    <span className="whitespace-nowrap">
                      {format.dateTime(e.at, { dateStyle: "medium", timeStyle: "medium" })}
                    </span>
                  </Td>
                  <Td>
                    {e.actor ? (
                      <>
                        <span className="block text-slate-900">{e.actor.name}</span>
                        <span className="block text-xs text-slate-500">{e.actor.email}</span>
                      </>
                    ) : (
                      <span className="text-slate-500">
                        {e.action.startsWith("sign_in") ? t("unknownAccount") : t("system")}
                      </span>
                    )}
                  </Td>
                  <Td header>
                    {/* The code stays at hand for support (hover), not as a second line of text. */}
                    <span title={e.action} className="block text-slate-900">
                      {actionLabel(e.action)}
                    </span>
                  </Td>
                  <Td>
                    <AuditTarget view={auditTargetView(e, tAll as unknown as Translate, locale, ticketBase)} />
                  </Td>
                  <Td>
                    <AuditDetail lines={auditDetailLines(e.detail, tAll as unknown as Translate)} />
                  </Td>
                  <Td>{e.ip ?? "—"}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        <p className="mt-2 text-xs text-slate-500">
          {tc("timeZoneNote", { zone: zoneName(locale, await getTimeZone(), await getNow()) })}
        </p>
        <nav className="mt-4 flex flex-wrap items-center justify-between gap-2 text-sm" aria-label={t("pagination")}>
          {log.page > 1 ? (
            <Link href={hrefFor(Math.min(log.page - 1, pages))} className="font-medium text-brand-700 hover:underline">
              ← {t("previous")}
            </Link>
          ) : (
            <span />
          )}
          <span className="text-slate-600">{t("summary", { page: log.page, pages, total: log.total })}</span>
          {log.page < pages ? (
            <Link href={hrefFor(log.page + 1)} className="font-medium text-brand-700 hover:underline">
              {t("next")} →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      </Card>
    </>
  );
}
