"use client";

import { FilterSelect, type FilterSelectProps } from "@/components/ui/filter-select";
import Link from "@/components/ui/link";

/**
 * The queue's filter form (a GET form on /queue, so a filtered queue is a shareable address),
 * closed unless a filter is set so the rows, not the form, fill the first screen. Drawn here from
 * its choices rather than as server elements: the assignee select alone has a hundred options, and
 * each server element travels twice, as HTML and again in the page's payload (issue 25).
 */
export function QueueFilters({
  open,
  summary,
  formLabel,
  viewId,
  selects,
  appId,
  sort,
  columns,
  applyLabel,
  resetLabel,
}: {
  open: boolean;
  summary: string;
  formLabel: string;
  viewId: string | undefined;
  /** The selects before the app ID field, in order. */
  selects: readonly FilterSelectProps[];
  appId: { label: string; value: string };
  sort: FilterSelectProps;
  columns: { label: string; choices: readonly (readonly [string, string, boolean])[] };
  applyLabel: string;
  resetLabel: string;
}) {
  return (
    <details open={open} className="mb-3">
      <summary className="cursor-pointer text-sm font-medium text-slate-700">{summary}</summary>
      <form method="get" action="/queue" aria-label={formLabel} className="mt-2 flex flex-wrap items-end gap-3">
        {viewId ? <input type="hidden" name="view" value={viewId} /> : null}
        {selects.map((s) => (
          <FilterSelect key={s.name} {...s} />
        ))}
        <label className="text-sm">
          <span className="block font-medium text-slate-700">{appId.label}</span>
          <input
            name="appId"
            type="search"
            defaultValue={appId.value}
            maxLength={100}
            autoComplete="off"
            className="mt-1 w-36 rounded-md border border-slate-300 px-2 py-1.5 text-sm"
          />
        </label>
        <FilterSelect {...sort} />
        <details className="text-sm">
          <summary className="cursor-pointer py-1.5 font-medium text-slate-700">{columns.label}</summary>
          <fieldset className="mt-1 grid grid-cols-2 gap-x-4 gap-y-1 rounded-md border border-slate-200 bg-white p-2">
            <legend className="sr-only">{columns.label}</legend>
            {columns.choices.map(([value, label, checked]) => (
              <label key={value} className="flex items-center gap-2">
                <input type="checkbox" name="cols" value={value} defaultChecked={checked} />
                {label}
              </label>
            ))}
          </fieldset>
        </details>
        <button
          type="submit"
          className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700"
        >
          {applyLabel}
        </button>
        <Link href="/queue" className="px-2 py-1.5 text-sm font-medium text-slate-600 hover:underline">
          {resetLabel}
        </Link>
      </form>
    </details>
  );
}
