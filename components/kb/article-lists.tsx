"use client";

import { Fragment } from "react";
import Link from "@/components/ui/link";
import { Badge } from "@/components/ui/badge";
import type { Locale } from "@/db/schema/enums";
import { Snippet } from "./snippet";
import { languageTag } from "@/server/i18n/negotiate";

/*
 * The knowledge base's two long lists, rendered from compact rows (issue 25). Drawn by the server,
 * each card travelled to the browser twice: as HTML and again as the elements behind it in the
 * page's payload (about 840 bytes a card). As a client component, a card travels as its HTML and
 * its few fields, and the server renders it in about half the time (docs/BENCHMARKS.md, tenth
 * session). The server translates and formats what the rows show; the labels come once per list.
 */

/** What every list's badges read: translated once for the whole list. */
type ArticleLabels = { internal: string; draft: string };

const hrefOf = (a: { slug: string; locale: Locale }) => `/kb/${a.slug}?lang=${a.locale}`;

/** A browsed article: its kind and review date already written out ("Last reviewed Dec 4, 2026"). */
type ArticleCard = {
  slug: string;
  locale: Locale;
  title: string;
  summary: string;
  type: string;
  internal: boolean;
  draft: boolean;
  reviewed: string;
};

/** The browse grid: one card per article. */
export function ArticleCards({ items, labels }: { items: ArticleCard[]; labels: ArticleLabels }) {
  return (
    <ul className="grid gap-3 md:grid-cols-2">
      {items.map((a) => (
        <li key={`${a.slug}-${a.locale}`} className="rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-sm">
          <Link href={hrefOf(a)} className="font-medium text-brand-700 hover:underline">
            {a.title}
          </Link>
          <p className="mt-1 line-clamp-2 text-sm text-slate-600">{a.summary}</p>
          <div className="mt-2 flex flex-wrap items-center gap-2 text-xs text-slate-500">
            <Badge tone="brand">{a.type}</Badge>
            {a.internal ? <Badge tone="red">{labels.internal}</Badge> : null}
            {a.draft ? <Badge>{labels.draft}</Badge> : null}
            <span>{a.reviewed}</span>
          </div>
        </li>
      ))}
    </ul>
  );
}

/** A search hit: `facts` are its type, product area and language, already written out. */
type ArticleHit = {
  id: number;
  slug: string;
  locale: Locale;
  title: string;
  /** The error codes it matched, written out ("Error code 1104"), or null when none matched. */
  codeMatch: string | null;
  internal: boolean;
  draft: boolean;
  facts: string[];
  snippet: { text: string; hit: boolean }[];
};

/** The ranked results of a search. */
export function ArticleHits({ items, label, labels }: { items: ArticleHit[]; label: string; labels: ArticleLabels }) {
  return (
    <ol aria-label={label} className="space-y-3">
      {items.map((item) => (
        <li key={item.id} className="rounded-xl border border-slate-200 bg-white px-5 py-4 shadow-sm">
          <div className="flex flex-wrap items-center gap-2">
            <Link
              href={hrefOf(item)}
              lang={languageTag(item.locale)}
              className="text-base font-semibold text-brand-700 hover:underline"
            >
              {item.title}
            </Link>
            {item.codeMatch ? <Badge tone="amber">{item.codeMatch}</Badge> : null}
            {item.internal ? <Badge tone="red">{labels.internal}</Badge> : null}
            {item.draft ? <Badge>{labels.draft}</Badge> : null}
          </div>
          <div className="mt-1 flex flex-wrap gap-2 text-xs text-slate-500">
            {item.facts.map((fact, i) => (
              <Fragment key={i}>
                {i > 0 ? "·" : null}
                <span>{fact}</span>
              </Fragment>
            ))}
          </div>
          <div lang={languageTag(item.locale)}>
            <Snippet parts={item.snippet} />
          </div>
        </li>
      ))}
    </ol>
  );
}
