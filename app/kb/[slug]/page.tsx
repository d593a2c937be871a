import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { ArticleFeedback } from "@/components/kb/feedback";
import { ViewCounter } from "@/components/kb/view-counter";
import { Badge } from "@/components/ui/badge";
import { LOCALES, type Locale } from "@/db/schema/enums";
import { serverCaller } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";
import { languageTag } from "@/server/i18n/negotiate";

type Params = { slug: string };
type Search = { lang?: string };

/** The article for this request, or null when it does not exist or the viewer may not read it. */
const load = cache(async (slug: string, lang: string | undefined) => {
  if (!/^[a-z0-9-]{1,200}$/.test(slug)) return null;
  const locale = (LOCALES as readonly string[]).includes(lang ?? "") ? (lang as Locale) : undefined;
  const preferLocale = (await getLocale()) === "zh" ? "zh" : "en";
  const api = await serverCaller();
  return api.kb.article({ slug, locale, preferLocale }).catch((err: { code?: string }) => {
    if (err.code === "NOT_FOUND") return null;
    throw err;
  });
});

export async function generateMetadata({
  params,
  searchParams,
}: {
  params: Promise<Params>;
  searchParams: Promise<Search>;
}): Promise<Metadata> {
  const data = await load((await params).slug, (await searchParams).lang);
  return { title: data?.article.title ?? "Knowledge base" };
}

export default async function ArticlePage({
  params,
  searchParams,
}: {
  params: Promise<Params>;
  searchParams: Promise<Search>;
}) {
  const { slug } = await params;
  const data = await load(slug, (await searchParams).lang);
  if (!data) notFound();
  const [t, te, format, user] = await Promise.all([
    getTranslations("kb"),
    getTranslations("kbEdit"),
    getFormatter(),
    getSessionUser(),
  ]);
  const staff = !!user && user.role !== "customer";
  const { article: a, html, toc, translations, related, myVote } = data;
  const contentLang = languageTag(a.locale);

  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_16rem]">
      <div className="min-w-0">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          <nav aria-label={t("backToKb")} className="text-sm text-slate-500">
            <Link href="/kb" className="hover:underline">
              {t("backToKb")}
            </Link>{" "}
            /{" "}
            <Link href={`/kb?area=${a.productArea}`} className="hover:underline">
              {t(`areas.${a.productArea}`)}
            </Link>
          </nav>
          {staff ? (
            <div className="flex flex-wrap gap-2 text-sm">
              <Link
                href={`/kb/${a.slug}/edit?lang=${a.locale}`}
                className="rounded-md bg-brand-600 px-3 py-1.5 font-semibold text-white hover:bg-brand-700"
              >
                {te("edit")}
              </Link>
              {translations.some((tr) => tr.locale !== a.locale) ? null : (
                <Link
                  href={`/kb/new?lang=${a.locale === "zh" ? "en" : "zh"}&translationOf=${a.slug}`}
                  className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-700 hover:bg-slate-50"
                >
                  {te("translate", { language: t(`languages.${a.locale === "zh" ? "en" : "zh"}`) })}
                </Link>
              )}
            </div>
          ) : null}
        </div>
        <article lang={contentLang} className="rounded-xl border border-slate-200 bg-white px-6 py-6 shadow-sm sm:px-8">
          <header className="mb-6 border-b border-slate-100 pb-4">
            <div className="mb-2 flex flex-wrap gap-2">
              <Badge tone="brand">{t(`types.${a.type}`)}</Badge>
              {a.internal ? <Badge tone="red">{t("internal")}</Badge> : null}
              {a.status === "draft" ? <Badge>{t("draft")}</Badge> : null}
              {a.stale && staff ? <Badge tone="amber">{t("stale")}</Badge> : null}
            </div>
            <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{a.title}</h1>
            {a.summary ? <p className="mt-2 text-slate-600">{a.summary}</p> : null}
            <p className="mt-3 flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-500">
              <span>{t("lastReviewed", { date: format.dateTime(a.reviewedAt, { dateStyle: "long" }) })}</span>
              <span>{t("views", { n: a.views })}</span>
              {a.owner ? <span>{t("owner", { name: a.owner })}</span> : null}
              {translations.map((tr) => (
                <Link
                  key={tr.locale}
                  href={`/kb/${tr.slug}?lang=${tr.locale}`}
                  hrefLang={languageTag(tr.locale)}
                  className="font-medium text-brand-700 underline"
                >
                  {t("readIn", { language: t(`languages.${tr.locale}`) })}
                </Link>
              ))}
            </p>
          </header>
          {/* Rendered on the server from Markdown with raw HTML dropped and rehype-sanitize applied. */}
          <div className="kb-prose" dangerouslySetInnerHTML={{ __html: html }} />
        </article>
        <div className="mt-6">
          <ArticleFeedback
            key={a.id}
            articleId={a.id}
            slug={a.slug}
            title={a.title}
            initialVote={myVote}
            signedIn={!!user}
          />
        </div>
        <ViewCounter articleId={a.id} />
      </div>
      <aside aria-label={t("aboutArticle")} className="space-y-6 text-sm lg:sticky lg:top-20 lg:self-start">
        {toc.length >= 3 ? (
          <nav aria-label={t("onThisPage")}>
            <h2 className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">{t("onThisPage")}</h2>
            <ul lang={contentLang} className="space-y-1">
              {toc.map((e) => (
                <li key={e.id} className={e.depth === 3 ? "pl-3" : ""}>
                  <a
                    href={`#${encodeURIComponent(e.id)}`}
                    className="text-slate-600 hover:text-brand-700 hover:underline"
                  >
                    {e.text}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        {a.errorCodes.length || a.sdkVersions.length ? (
          <dl className="space-y-3">
            {a.errorCodes.length ? (
              <div>
                <dt className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{t("errorCodes")}</dt>
                <dd className="mt-1 flex flex-wrap gap-1">
                  {a.errorCodes.map((c) => (
                    <code key={c} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">
                      {c}
                    </code>
                  ))}
                </dd>
              </div>
            ) : null}
            {a.sdkVersions.length ? (
              <div>
                <dt className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{t("sdkVersions")}</dt>
                <dd className="mt-1 text-slate-700">{a.sdkVersions.join(", ")}</dd>
              </div>
            ) : null}
          </dl>
        ) : null}
        {related.length ? (
          <nav aria-label={t("related")}>
            <h2 className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">{t("related")}</h2>
            <ul lang={contentLang} className="space-y-1.5">
              {related.map((r) => (
                <li key={r.slug}>
                  <Link href={`/kb/${r.slug}?lang=${r.locale}`} className="text-brand-700 hover:underline">
                    {r.title}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </aside>
    </div>
  );
}
