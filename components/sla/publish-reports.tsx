"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { quarterWriter } from "@/components/format";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { useHydrated } from "@/components/ui/use-hydrated";

/**
 * The published quarterly SLA reports: the list for every dashboard reader, and for executives the
 * publish and withdraw actions. Publishing freezes the quarter's figures as they stand now.
 */
export function PublishReports({
  published,
  quarters,
  canPublish,
}: {
  published: { quarter: string; publishedAt: Date }[];
  quarters: string[];
  canPublish: boolean;
}) {
  const t = useTranslations("sla.reports");
  const format = useFormatter();
  const quarterName = quarterWriter(useLocale());
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const [quarter, setQuarter] = useState(quarters[0] ?? "");
  const publish = useMutation(trpc.sla.publish.mutationOptions({ onSuccess: () => router.refresh() }));
  const unpublish = useMutation(trpc.sla.unpublish.mutationOptions({ onSuccess: () => router.refresh() }));
  const error = publish.error ?? unpublish.error;
  return (
    <div className="space-y-4">
      {canPublish ? (
        <form
          className="flex flex-wrap items-end gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            publish.mutate({ quarter });
          }}
        >
          <label className="text-sm">
            <span className="block font-medium text-slate-700">{t("quarter")}</span>
            <select
              value={quarter}
              onChange={(e) => setQuarter(e.target.value)}
              className="mt-1 rounded-md border border-slate-300 px-2 py-1.5 text-sm"
            >
              {quarters.map((q) => (
                <option key={q} value={q}>
                  {quarterName(q)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="submit"
            disabled={!hydrated || publish.isPending}
            className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-50"
          >
            {published.some((p) => p.quarter === quarter) ? t("republish") : t("publish")}
          </button>
          <p className="basis-full text-xs text-slate-500">{t("publishHelp")}</p>
        </form>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error.message}
        </p>
      ) : null}
      {publish.isSuccess ? (
        <p role="status" className="text-sm text-emerald-700">
          {t("published", { quarter: quarterName(publish.data.quarter) })}
        </p>
      ) : null}
      {published.length === 0 ? (
        <p className="text-sm text-slate-600">{t("none")}</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {published.map((p) => (
            <li key={p.quarter} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <Link href={`/reports/sla/${p.quarter}`} className="font-medium text-brand-700 hover:underline">
                {t("link", { quarter: quarterName(p.quarter) })}
              </Link>
              <span className="text-xs text-slate-500">
                {t("publishedAt", { at: format.dateTime(p.publishedAt, { dateStyle: "medium", timeStyle: "short" }) })}
              </span>
              {canPublish ? (
                <button
                  type="button"
                  disabled={!hydrated || unpublish.isPending}
                  onClick={() => unpublish.mutate({ quarter: p.quarter })}
                  className="text-xs font-medium text-red-700 hover:underline disabled:opacity-50"
                >
                  {t("withdraw")}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
