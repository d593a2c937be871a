"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { formatBytes } from "./format";

/** A text log read in the page: its first lines, and a search over the whole file (bounded on the server). */
export function LogViewer({ id, name, onClose }: { id: number; name: string; onClose: () => void }) {
  const t = useTranslations("attachments");
  const locale = useLocale();
  const trpc = useTRPC();
  const [draft, setDraft] = useState("");
  const [query, setQuery] = useState<string | null>(null);
  const view = useQuery(trpc.attachments.text.queryOptions({ id, query }));
  const data = view.data;
  const shown = data?.matches ?? data?.lines ?? [];
  return (
    <div
      role="region"
      aria-label={t("viewerTitle", { name })}
      className="mt-2 rounded-lg border border-slate-300 bg-white"
      onKeyDown={(e) => {
        if (e.key === "Escape") onClose();
      }}
    >
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-3 py-2">
        <p className="min-w-0 truncate text-sm font-medium text-slate-800">{name}</p>
        <form
          role="search"
          className="flex items-center gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            setQuery(draft.trim() || null);
          }}
        >
          <label htmlFor={`log-search-${id}`} className="sr-only">
            {t("search")}
          </label>
          <input
            id={`log-search-${id}`}
            type="search"
            value={draft}
            maxLength={200}
            onChange={(e) => setDraft(e.target.value)}
            placeholder={t("searchPlaceholder")}
            className="w-44 rounded-md border border-slate-300 px-2 py-1 text-sm"
          />
          <button type="submit" className="rounded-md bg-brand-600 px-2.5 py-1 text-sm font-semibold text-white">
            {t("search")}
          </button>
          <button
            type="button"
            onClick={onClose}
            className="rounded-md border border-slate-300 px-2.5 py-1 text-sm text-slate-700"
          >
            {t("close")}
          </button>
        </form>
      </div>
      {view.isPending ? <p className="px-3 py-2 text-sm text-slate-500">{t("loading")}</p> : null}
      {view.isError ? (
        <p role="alert" className="px-3 py-2 text-sm text-red-700">
          {view.error.message}
        </p>
      ) : null}
      {data ? (
        <>
          <p className="px-3 pt-2 text-xs text-slate-500" aria-live="polite">
            {data.matches
              ? t(data.partial ? "matchesPartial" : "matches", {
                  count: data.matches.length,
                  scanned: formatBytes(data.scannedBytes, locale),
                  total: formatBytes(data.totalBytes, locale),
                })
              : t(data.more ? "firstLines" : "allLines", { count: data.lines.length })}
          </p>
          {shown.length === 0 ? (
            <p className="px-3 py-2 text-sm text-slate-600">{data.matches ? t("noMatches") : t("emptyFile")}</p>
          ) : (
            // Focusable, so a keyboard user can scroll a long log with the arrow keys.
            <pre tabIndex={0} className="max-h-96 overflow-auto px-3 py-2 font-mono text-xs leading-5 text-slate-800">
              {shown.map((l) => (
                <div key={l.number} className="flex gap-3">
                  <span className="w-12 shrink-0 text-right text-slate-500 select-none">{l.number}</span>
                  <span className="break-all whitespace-pre-wrap">{highlight(l.text, query)}</span>
                </div>
              ))}
            </pre>
          )}
        </>
      ) : null}
    </div>
  );
}

function highlight(text: string, query: string | null) {
  if (!query) return text;
  const lower = text.toLowerCase();
  const q = query.toLowerCase();
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (let i = lower.indexOf(q); i >= 0 && parts.length < 40; i = lower.indexOf(q, at)) {
    parts.push(text.slice(at, i), <mark key={i}>{text.slice(i, i + q.length)}</mark>);
    at = i + q.length;
  }
  parts.push(text.slice(at));
  return parts;
}
