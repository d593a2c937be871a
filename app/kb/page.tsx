import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { redirect } from "next/navigation";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { dateWriter } from "@/components/format";
import { Pager } from "@/components/kb/pager";
import { ArticleCards, ArticleHits } from "@/components/kb/article-lists";
import { Card, PageHeader } from "@/components/ui/card";
import {
  ARTICLE_TYPES,
  LOCALES,
  PRODUCT_AREAS,
  type ArticleType,
  type Locale,
  type ProductArea,
} from "@/db/schema/enums";
import { serverCaller } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";
import { KB_SEARCH_PAGES } from "@/server/kb/service";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("kb") };
}

type Search = { q?: string; area?: string; type?: string; lang?: string; page?: string; exact?: string };
const pick = <T extends string>(list: readonly T[], v: string | undefined): T | undefined =>
  (list as readonly string[]).includes(v ?? "") ? (v as T) : undefined;
/** A /kb address with only the parameters that have a value. */
function kbHref(p: Record<string, string | undefined>): string {
  const params = new URLSearchParams(Object.entries(p).filter((e): e is [string, string] => !!e[1]));
  return `/kb${params.size ? `?${params}` : ""}`;
}
/** What both lists show of an article whatever else they show (components/kb/article-lists.tsx). */
const listed = (a: { slug: string; locale: Locale; title: string; internal: boolean; status: string }) => ({
  slug: a.slug,
  locale: a.locale,
  title: a.title,
  internal: a.internal,
  draft: a.status === "draft",
});
const select = "mt-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

export default async function KbPage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const q = (sp.q ?? "").trim().slice(0, 200);
  const area = pick<ProductArea>(PRODUCT_AREAS, sp.area);
  const type = pick<ArticleType>(ARTICLE_TYPES, sp.type);
  const lang = pick<Locale>(LOCALES, sp.lang);
  const viewerLocale = (await getLocale()) === "zh" ? "zh" : "en";
  const [t, te, tk, timeZone, user, api] = await Promise.all([
    getTranslations("kb"),
    getTranslations("kbEdit"),
    getTranslations("knownIssues"),
    getTimeZone(),
    getSessionUser(),
    serverCaller(),
  ]);
  const staff = !!user && user.role !== "customer";
  const reviewedOn = dateWriter(await getLocale(), timeZone, { dateStyle: "medium" });
  const requested = Math.floor(Number(sp.page));
  const page = Number.isSafeInteger(requested) && requested > 1 ? Math.min(requested, 10_000) : 1;
  const exact = sp.exact === "1";
  // The search form sends every field, chosen or not: the address keeps only what was chosen (no
  // empty parameters, no page 1), so a search has one address to share and to come back to.
  const wanted: Record<keyof Search, string | undefined> = {
    q: q || undefined,
    area,
    type,
    lang,
    page: page > 1 ? String(page) : undefined,
    exact: exact && q ? "1" : undefined,
  };
  if ((Object.keys(wanted) as (keyof Search)[]).some((k) => sp[k] !== wanted[k])) redirect(kbHref(wanted));
  // A misspelled query that finds nothing shows the results of its correction, unless the reader
  // asked for exactly what they typed.
  const r = q
    ? await api.kb.search({
        q,
        productArea: area,
        type,
        locale: lang,
        preferLocale: viewerLocale,
        limit: 20,
        page: Math.min(page, KB_SEARCH_PAGES),
        correct: !exact,
      })
    : null;
  const b = q ? null : await api.kb.browse({ productArea: area, type, locale: lang ?? viewerLocale, page });
  // The front page (nothing chosen yet) also shows what changed lately and the known issues being worked on.
  const front = !q && !area && !type && page === 1;
  const openIssues = front
    ? (await api.knownIssues.list({})).filter((i) => i.status === "investigating" || i.status === "fix_scheduled")
    : [];
  // The service status in brief: the ongoing incidents the reader's organization is affected by
  // (staff: all); visitors are asked to sign in, as the status page is per organization.
  const status = front && user ? await api.incidents.list({ phase: "ongoing", limit: 5 }) : null;
  const areaCount = new Map(b?.areas.map((a) => [a.productArea, a.count]));
  const typeCount = new Map(b?.types.map((x) => [x.type, x.count]));
  const chip = (active: boolean) =>
    `block rounded-md px-3 py-1.5 text-sm ${active ? "bg-brand-50 font-medium text-brand-700" : "text-slate-700 hover:bg-slate-100"}`;
  const href = (p: Record<string, string | undefined>) => kbHref({ area, type, lang, q: q || undefined, ...p });
  const labels = { internal: t("internal"), draft: t("draft") };

  return (
    <>
      <PageHeader title={t("title")} description={t("subtitle")}>
        <div className="flex flex-wrap items-center gap-3 text-sm font-medium">
          <Link href="/reports/sla" className="text-brand-700 hover:underline">
            {t("slaReportsLink")}
          </Link>
          <Link href="/service-scope/basic" className="text-brand-700 hover:underline">
            {t("serviceScopeLink")}
          </Link>
          <Link href="/known-issues" className="text-brand-700 hover:underline">
            {t("knownIssuesLink")}
          </Link>
          <Link href="/advisories" className="text-brand-700 hover:underline">
            {t("advisoriesLink")}
          </Link>
          <Link href="/sdk-lifecycle" className="text-brand-700 hover:underline">
            {t("lifecycleLink")}
          </Link>
          <Link href="/roadmap" className="text-brand-700 hover:underline">
            {t("roadmapLink")}
          </Link>
        </div>
        {staff ? (
          <div className="flex flex-wrap items-center gap-3 text-sm font-medium">
            <Link href="/kb/report" className="text-brand-700 hover:underline">
              {t("report")}
            </Link>
            <Link href="/kb/drafts" className="text-brand-700 hover:underline">
              {te("desk.title")}
            </Link>
            <Link
              href="/kb/new"
              className="rounded-md bg-brand-600 px-3 py-1.5 font-semibold text-white hover:bg-brand-700"
            >
              {te("desk.new")}
            </Link>
          </div>
        ) : null}
      </PageHeader>
      <Card>
        <form
          method="get"
          action="/kb"
          role="search"
          aria-label={t("searchLabel")}
          className="flex flex-wrap items-end gap-3"
        >
          <label className="min-w-[16rem] flex-[2] text-sm">
            <span className="block font-medium text-slate-700">{t("searchLabel")}</span>
            <input
              type="search"
              name="q"
              defaultValue={q}
              placeholder={t("searchPlaceholder")}
              maxLength={200}
              className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
            />
          </label>
          <label className="text-sm">
            <span className="block font-medium text-slate-700">{t("productArea")}</span>
            <select name="area" defaultValue={area ?? ""} className={select}>
              <option value="">{t("anyArea")}</option>
              {PRODUCT_AREAS.map((a) => (
                <option key={a} value={a}>
                  {t(`areas.${a}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm">
            <span className="block font-medium text-slate-700">{t("type")}</span>
            <select name="type" defaultValue={type ?? ""} className={select}>
              <option value="">{t("anyType")}</option>
              {ARTICLE_TYPES.map((x) => (
                <option key={x} value={x}>
                  {t(`types.${x}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm">
            <span className="block font-medium text-slate-700">{t("language")}</span>
            <select name="lang" defaultValue={lang ?? ""} className={select}>
              <option value="">{t("anyLanguage")}</option>
              {LOCALES.map((l) => (
                <option key={l} value={l}>
                  {t(`languages.${l}`)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="submit"
            className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
          >
            {t("searchButton")}
          </button>
        </form>
      </Card>

      <div className="mt-6">
        {q ? (
          r ? (
            <section aria-labelledby="kb-results">
              <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
                <h2 id="kb-results" className="text-lg font-semibold text-slate-900">
                  {t("resultsFor", { q: r.correctedQuery ?? q })}{" "}
                  {r.total > 0 ? (
                    <span className="text-sm font-normal text-slate-500">· {t("resultCount", { n: r.total })}</span>
                  ) : null}
                </h2>
                <Link href={href({ q: undefined })} className="text-sm text-slate-600 hover:underline">
                  {t("clearSearch")}
                </Link>
              </div>
              {r.correctedQuery ? (
                <p className="mb-3 text-sm text-slate-700">
                  {t("showingResultsFor", { suggestion: r.correctedQuery })}
                  {viewerLocale === "zh" ? "" : " "}
                  {t("searchInsteadFor")}{" "}
                  <Link
                    href={href({ q, exact: "1", page: undefined })}
                    className="font-semibold text-brand-700 underline"
                  >
                    {q}
                  </Link>
                </p>
              ) : r.suggestion ? (
                <p className="mb-3 text-sm text-slate-700">
                  {t("didYouMean")}{" "}
                  <Link href={href({ q: r.suggestion })} className="font-semibold text-brand-700 underline">
                    {r.suggestion}
                  </Link>
                  {viewerLocale === "zh" ? "？" : "?"}
                </p>
              ) : null}
              {r.items.length === 0 ? (
                <Card>
                  <p className="text-sm text-slate-700">{t("noResults")}</p>
                  <Link
                    href={`/tickets/new?${new URLSearchParams({ subject: q })}`}
                    className="mt-3 inline-block text-sm font-medium text-brand-700 underline"
                  >
                    {t("fileTicket")}
                  </Link>
                </Card>
              ) : (
                <ArticleHits
                  label={t("resultsFor", { q })}
                  labels={labels}
                  items={r.items.map((item) => ({
                    ...listed(item),
                    id: item.id,
                    codeMatch: item.codeMatch ? t("codeMatch", { code: item.errorCodes.join(" / ") }) : null,
                    facts: [t(`types.${item.type}`), t(`areas.${item.productArea}`), t(`languages.${item.locale}`)],
                    snippet: item.snippet,
                  }))}
                />
              )}
              {r.total > KB_SEARCH_PAGES * 20 ? (
                <p className="mt-3 text-sm text-slate-600">{t("refineSearch", { n: KB_SEARCH_PAGES * 20 })}</p>
              ) : null}
              <Pager
                label={t("pagination")}
                page={r.page}
                pages={r.pages}
                href={(p) => href({ page: p > 1 ? String(p) : undefined, exact: exact ? "1" : undefined })}
              />
            </section>
          ) : null
        ) : b ? (
          <div className="grid gap-6 lg:grid-cols-[16rem_1fr]">
            <nav aria-label={t("browseTitle")} className="space-y-5">
              <div>
                <h2 className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">
                  {t("productArea")}
                </h2>
                <ul className="space-y-0.5">
                  <li>
                    <Link
                      href={href({ area: undefined })}
                      aria-current={!area ? "page" : undefined}
                      className={chip(!area)}
                    >
                      {t("anyArea")}
                    </Link>
                  </li>
                  {PRODUCT_AREAS.filter((a) => areaCount.has(a)).map((a) => (
                    <li key={a}>
                      <Link
                        href={href({ area: a })}
                        aria-current={area === a ? "page" : undefined}
                        className={`${chip(area === a)} flex justify-between`}
                      >
                        <span>{t(`areas.${a}`)}</span>
                        <span className="text-slate-600">{areaCount.get(a)}</span>
                      </Link>
                    </li>
                  ))}
                </ul>
              </div>
              <div>
                <h2 className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">{t("type")}</h2>
                <ul className="space-y-0.5">
                  <li>
                    <Link
                      href={href({ type: undefined })}
                      aria-current={!type ? "page" : undefined}
                      className={chip(!type)}
                    >
                      {t("anyType")}
                    </Link>
                  </li>
                  {ARTICLE_TYPES.filter((x) => typeCount.has(x)).map((x) => (
                    <li key={x}>
                      <Link
                        href={href({ type: x })}
                        aria-current={type === x ? "page" : undefined}
                        className={`${chip(type === x)} flex justify-between`}
                      >
                        <span>{t(`types.${x}`)}</span>
                        <span className="text-slate-600">{typeCount.get(x)}</span>
                      </Link>
                    </li>
                  ))}
                </ul>
              </div>
            </nav>
            <div className="space-y-6">
              {front ? (
                <div className="grid gap-4 md:grid-cols-2">
                  <Card id="kb-recent" title={t("recentTitle")}>
                    <ul className="space-y-2 text-sm">
                      {b.recent.map((a) => (
                        <li
                          key={`${a.slug}-${a.locale}`}
                          className="flex flex-wrap items-baseline justify-between gap-2"
                        >
                          <Link
                            href={`/kb/${a.slug}?lang=${a.locale}`}
                            className="font-medium text-brand-700 hover:underline"
                          >
                            {a.title}
                          </Link>
                          <span className="text-xs text-slate-500">{reviewedOn(a.reviewedAt)}</span>
                        </li>
                      ))}
                    </ul>
                  </Card>
                  <Card id="kb-popular" title={t("popularTitle")}>
                    <ol className="space-y-2 text-sm">
                      {b.items.slice(0, 5).map((a) => (
                        <li key={`${a.slug}-${a.locale}`}>
                          <Link
                            href={`/kb/${a.slug}?lang=${a.locale}`}
                            className="font-medium text-brand-700 hover:underline"
                          >
                            {a.title}
                          </Link>{" "}
                          <span className="text-xs text-slate-500">· {t(`types.${a.type}`)}</span>
                        </li>
                      ))}
                    </ol>
                  </Card>
                  <div className="md:col-span-2">
                    <Card id="kb-known-issues" title={t("knownIssuesTitle")}>
                      <p className="mb-3 flex flex-wrap items-center gap-2 text-sm" data-testid="kb-status-brief">
                        {!status ? (
                          <>
                            <span className="text-slate-700">{t("statusSignIn")}</span>
                            <Link
                              href="/signin?callbackUrl=%2Fstatus"
                              className="font-medium text-brand-700 hover:underline"
                            >
                              {t("serviceStatusLink")}
                            </Link>
                          </>
                        ) : status.length === 0 ? (
                          <>
                            <span aria-hidden className="inline-block h-2.5 w-2.5 rounded-full bg-emerald-500" />
                            <span className="text-emerald-800">{t("statusAllClear")}</span>
                            <Link href="/status" className="font-medium text-brand-700 hover:underline">
                              {t("serviceStatusLink")}
                            </Link>
                          </>
                        ) : (
                          <>
                            <span aria-hidden className="inline-block h-2.5 w-2.5 rounded-full bg-red-500" />
                            <span className="text-red-800">{t("statusOngoing", { n: status.length })}</span>
                            <Link
                              href={`/incidents/${status[0]!.id}`}
                              className="font-medium text-brand-700 hover:underline"
                            >
                              {status[0]!.title}
                            </Link>
                            <Link href="/status" className="font-medium text-brand-700 hover:underline">
                              {t("serviceStatusLink")}
                            </Link>
                          </>
                        )}
                      </p>
                      {openIssues.length === 0 ? (
                        <p className="text-sm text-slate-600">{t("noOpenKnownIssues")}</p>
                      ) : (
                        <ul className="space-y-2 text-sm">
                          {openIssues.slice(0, 4).map((i) => (
                            <li key={i.id}>
                              <Link
                                href={`/known-issues/${i.id}`}
                                className="font-medium text-brand-700 hover:underline"
                              >
                                {viewerLocale === "zh" ? i.titleZh : i.titleEn}
                              </Link>{" "}
                              <span className="text-xs text-slate-500">· {tk(`statusNames.${i.status}`)}</span>
                            </li>
                          ))}
                        </ul>
                      )}
                      <p className="mt-3 text-sm">
                        <Link href="/known-issues" className="font-medium text-brand-700 hover:underline">
                          {t("allKnownIssues")}
                        </Link>
                      </p>
                    </Card>
                  </div>
                </div>
              ) : null}
              <section aria-labelledby="kb-browse">
                <h2 id="kb-browse" className="mb-3 text-lg font-semibold text-slate-900">
                  {area ? t(`areas.${area}`) : t("browseTitle")}
                  {type ? ` · ${t(`types.${type}`)}` : ""}{" "}
                  <span className="text-sm font-normal text-slate-500">
                    ·{" "}
                    {t("articleCount", {
                      n: type ? (typeCount.get(type) ?? 0) : [...typeCount.values()].reduce((x, y) => x + y, 0),
                    })}
                  </span>
                </h2>
                {b.items.length === 0 ? (
                  <p className="text-sm text-slate-600">{t("empty")}</p>
                ) : (
                  <ArticleCards
                    labels={labels}
                    items={b.items.map((a) => ({
                      ...listed(a),
                      summary: a.summary,
                      type: t(`types.${a.type}`),
                      reviewed: t("lastReviewed", { date: reviewedOn(a.reviewedAt) }),
                    }))}
                  />
                )}
                <Pager
                  label={t("pagination")}
                  page={b.page}
                  pages={Math.max(1, Math.ceil(b.total / b.pageSize))}
                  href={(p) => href({ page: p > 1 ? String(p) : undefined })}
                />
              </section>
            </div>
          </div>
        ) : null}
      </div>
    </>
  );
}
