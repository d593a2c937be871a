"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "@/components/ui/link";
import { useLocale, useTranslations } from "next-intl";
import { quarterWriter } from "@/components/format";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { SlaFilter } from "./url";

const TIERS = ["basic", "advanced", "enterprise"] as const;
const AREAS = [
  "voice_calling",
  "video_calling",
  "live_streaming",
  "realtime_messaging",
  "conversational_ai",
  "other",
] as const;
const REGIONS = ["china", "americas", "emea"] as const;
const PRIORITIES = ["P0", "P1", "P2", "P3"] as const;

const field = "mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";

/**
 * The /sla filters as a plain GET form, so the URL holds the whole view (shareable, back button
 * works). The organization box searches by name and submits the chosen organization's id.
 */
export function SlaFilters({
  filter,
  quarters,
  organizationName,
}: {
  filter: SlaFilter;
  quarters: string[];
  organizationName: string | null;
}) {
  const t = useTranslations();
  const quarterName = quarterWriter(useLocale());
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const p = filter.period;
  const [kind, setKind] = useState(p.kind);
  const [orgText, setOrgText] = useState(organizationName ?? "");
  const [orgId, setOrgId] = useState<number | undefined>(filter.organizationId);
  const search = useQuery({
    ...trpc.sla.organizations.queryOptions({ query: orgText }),
    enabled: hydrated && orgText.trim().length >= 2 && orgText !== organizationName,
  });
  const options = search.data?.items ?? [];
  const select = (
    name: string,
    label: string,
    value: string | undefined,
    values: readonly string[],
    optionLabel: (v: string) => string,
  ) => (
    <div className="text-sm">
      <label htmlFor={`sla-${name}`} className="block font-medium text-slate-700">
        {label}
      </label>
      <select id={`sla-${name}`} name={name} defaultValue={value ?? ""} className={field}>
        <option value="">{t("sla.filters.all")}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {optionLabel(v)}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form
      method="get"
      action="/sla"
      aria-label={t("sla.filters.title")}
      className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-8 lg:items-end"
    >
      <div className="text-sm">
        <label htmlFor="sla-period" className="block font-medium text-slate-700">
          {t("sla.filters.period")}
        </label>
        <select
          id="sla-period"
          name="period"
          value={kind}
          onChange={(e) => setKind(e.target.value as typeof kind)}
          className={field}
        >
          <option value="quarter">{t("sla.filters.quarter")}</option>
          <option value="month">{t("sla.filters.month")}</option>
          <option value="custom">{t("sla.filters.custom")}</option>
        </select>
      </div>
      {kind === "quarter" ? (
        <div className="text-sm">
          <label htmlFor="sla-q" className="block font-medium text-slate-700">
            {t("sla.filters.quarter")}
          </label>
          <select id="sla-q" name="q" defaultValue={p.kind === "quarter" ? p.quarter : quarters[0]} className={field}>
            {quarters.map((q) => (
              <option key={q} value={q}>
                {quarterName(q)}
              </option>
            ))}
          </select>
        </div>
      ) : kind === "month" ? (
        <div className="text-sm">
          <label htmlFor="sla-m" className="block font-medium text-slate-700">
            {t("sla.filters.month")}
          </label>
          <input
            id="sla-m"
            type="month"
            name="m"
            required
            defaultValue={p.kind === "month" ? p.month : undefined}
            className={field}
          />
        </div>
      ) : (
        <>
          <div className="text-sm">
            <label htmlFor="sla-from" className="block font-medium text-slate-700">
              {t("sla.filters.from")}
            </label>
            <input
              id="sla-from"
              type="month"
              name="from"
              required
              defaultValue={p.kind === "custom" ? p.fromMonth : undefined}
              className={field}
            />
          </div>
          <div className="text-sm">
            <label htmlFor="sla-to" className="block font-medium text-slate-700">
              {t("sla.filters.to")}
            </label>
            <input
              id="sla-to"
              type="month"
              name="to"
              required
              defaultValue={p.kind === "custom" ? p.toMonth : undefined}
              className={field}
            />
          </div>
        </>
      )}
      {select("tier", t("sla.tier"), filter.tierCode, TIERS, (v) => t(`tier.${v}`))}
      {select("priority", t("sla.priority"), filter.priority, PRIORITIES, (v) => t(`priority.${v}`))}
      {select("area", t("sla.productArea"), filter.productArea, AREAS, (v) => t(`tickets.productAreas.${v}`))}
      {select("region", t("sla.region"), filter.region, REGIONS, (v) => t(`region.${v}`))}
      <div className="text-sm">
        <label htmlFor="sla-org" className="block font-medium text-slate-700">
          {t("sla.filters.organization")}
        </label>
        <input
          id="sla-org"
          type="search"
          list="sla-org-options"
          value={orgText}
          placeholder={t("sla.filters.organizationPlaceholder")}
          onChange={(e) => {
            const text = e.target.value;
            setOrgText(text);
            setOrgId(
              options.find((o) => o.name === text)?.id ??
                (text === organizationName ? filter.organizationId : undefined),
            );
          }}
          className={field}
        />
        <datalist id="sla-org-options">
          {options.map((o) => (
            <option key={o.id} value={o.name} />
          ))}
        </datalist>
        {orgId !== undefined ? <input type="hidden" name="org" value={orgId} /> : null}
      </div>
      <div className="col-span-2 flex items-end gap-2 sm:col-span-1">
        <button
          type="submit"
          className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700"
        >
          {t("sla.filters.apply")}
        </button>
        <Link href="/sla" className="px-2 py-1.5 text-sm font-medium text-slate-600 hover:underline">
          {t("sla.filters.reset")}
        </Link>
      </div>
    </form>
  );
}
