"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { Button } from "../controls";
import type { Calendar } from "./use-calendar-form";

/** "upcoming", "all" or a year such as "2026": which holidays the list shows. */
export type YearFilter = string;

export function showsHoliday(filter: YearFilter, today: string, date: string): boolean {
  return filter === "all" || (filter === "upcoming" ? date >= today : date.startsWith(filter));
}

/** The calendar's holidays of the chosen year (at first the upcoming ones), each with its remove button. */
export function HolidayList({
  holidays,
  year,
  onYearChange,
  today,
  removingId,
  onRemove,
}: {
  holidays: Calendar["holidays"];
  year: YearFilter;
  onYearChange: (year: YearFilter) => void;
  today: string;
  removingId: number | undefined;
  onRemove: (holidayId: number) => void;
}) {
  const t = useTranslations("adminEdit");
  const tt = useTranslations();
  const uid = useId();
  const years = [...new Set(holidays.map((h) => h.date.slice(0, 4)))].sort();
  const visible = holidays.filter((h) => showsHoliday(year, today, h.date));

  return (
    <>
      <div className="mt-4 flex items-center justify-between gap-3">
        <label htmlFor={`${uid}-year`} className="text-sm font-medium text-slate-700">
          {t("holidays.year")}
        </label>
        <select
          id={`${uid}-year`}
          value={year}
          onChange={(e) => onYearChange(e.target.value)}
          className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
        >
          <option value="upcoming">{t("holidays.upcoming")}</option>
          <option value="all">{t("holidays.allYears")}</option>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>

      {visible.length === 0 ? (
        <p className="mt-4 rounded-lg border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-500">
          {year === "all"
            ? t("holidays.empty")
            : year === "upcoming"
              ? t("holidays.emptyUpcoming")
              : t("holidays.emptyYear", { year })}
        </p>
      ) : (
        <div className="mt-3 max-h-[32rem] overflow-y-auto">
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">{t("holidays.title")}</caption>
            <thead className="sticky top-0 bg-white">
              <tr>
                <th
                  scope="col"
                  className="border-b border-slate-200 px-2 py-2 text-left text-xs font-semibold tracking-wide text-slate-500 uppercase"
                >
                  {t("holidays.date")}
                </th>
                <th
                  scope="col"
                  className="border-b border-slate-200 px-2 py-2 text-left text-xs font-semibold tracking-wide text-slate-500 uppercase"
                >
                  {t("holidays.name")}
                </th>
                <th
                  scope="col"
                  className="border-b border-slate-200 px-2 py-2 text-right text-xs font-semibold tracking-wide text-slate-500 uppercase"
                >
                  <span className="sr-only">{t("holidays.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {visible.map((h) => (
                <tr key={h.id}>
                  <th
                    scope="row"
                    className="border-b border-slate-100 px-2 py-2 text-left align-top font-medium whitespace-nowrap text-slate-900 tabular-nums"
                  >
                    {h.date}
                    <span className="block text-xs font-normal text-slate-500">
                      {tt(`weekday.${new Date(`${h.date}T00:00:00Z`).getUTCDay()}`)}
                    </span>
                  </th>
                  <td className="border-b border-slate-100 px-2 py-2 align-top">
                    <span className="block text-slate-900">{h.name}</span>
                    <span className="block text-xs text-slate-500">{h.source}</span>
                  </td>
                  <td className="border-b border-slate-100 px-2 py-2 text-right align-top">
                    <Button
                      variant="danger"
                      className="!px-2 !py-1"
                      aria-label={t("holidays.removeLabel", { name: h.name, date: h.date })}
                      disabled={removingId === h.id}
                      onClick={() => onRemove(h.id)}
                    >
                      {t("holidays.remove")}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
