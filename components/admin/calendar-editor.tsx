"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from "react";
import { Card, PageHeader } from "@/components/ui/card";
import { useTRPC } from "@/components/trpc/client";
import {
  HOLIDAY_TEXT_MAX,
  CALENDAR_NAME_MAX,
  parseClockTime,
  sortOpeningHours,
  tidyClockInput,
  validateCalendarEdit,
  validateHoliday,
  type Issue,
  type OpeningPeriod,
  type Weekday,
} from "@/server/admin/calendars";
import type { AppRouter } from "@/server/api/root";
import {
  Button,
  FieldError,
  FormAlert,
  inputBase,
  inputClass,
  labelClass,
  LoadError,
  LoadingCard,
  StatusNote,
  useServerErrorText,
} from "./controls";

type Calendar = inferRouterOutputs<AppRouter>["admin"]["calendar"];
type Period = OpeningPeriod & { key: number };

/** Monday first, as the week reads in both languages of the portal. */
const WEEK: Weekday[] = [1, 2, 3, 4, 5, 6, 0];

/** The admin's calendar page: name, time zone and weekly hours in one form, holidays beside it. */
export function CalendarEditor({ id, zones }: { id: number; zones: string[] }) {
  const trpc = useTRPC();
  const t = useTranslations("adminEdit");
  const format = useFormatter();
  const query = useQuery(trpc.admin.calendar.queryOptions({ id }));
  if (query.isPending) return <LoadingCard />;
  if (query.isError) return <LoadError onRetry={() => void query.refetch()} />;
  const calendar = query.data;
  return (
    <>
      <PageHeader
        title={t("calendar.title", { name: calendar.name })}
        description={
          <>
            {t("calendar.subtitle")}
            <span className="mt-1 block text-xs text-slate-500">
              {t("calendar.serves", { n: calendar.organizations })} ·{" "}
              {t("calendar.updatedAt", {
                date: format.dateTime(calendar.updatedAt, { dateStyle: "medium", timeStyle: "short" }),
              })}
            </span>
          </>
        }
      />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <CalendarForm key={calendar.id} calendar={calendar} zones={zones} />
        <div className="xl:self-start">
          <HolidaysCard calendar={calendar} />
        </div>
      </div>
    </>
  );
}

function issueText(t: ReturnType<typeof useTranslations>, issue: Issue | undefined): string | null {
  return issue ? t(`issues.${issue.code}`, issue.values ?? {}) : null;
}

/** Periods with keys for React and element ids; the same on the server and in the browser. */
function toPeriods(hours: readonly OpeningPeriod[]): Period[] {
  return sortOpeningHours(hours).map((h, i) => ({ ...h, key: i + 1 }));
}

const nextKey = (list: readonly Period[]) => list.reduce((max, p) => Math.max(max, p.key), 0) + 1;

const comparable = (name: string, timeZone: string, hours: readonly OpeningPeriod[]) =>
  JSON.stringify([name.trim(), timeZone, sortOpeningHours(hours.map(({ day, start, end }) => ({ day, start, end })))]);

function CalendarForm({ calendar, zones }: { calendar: Calendar; zones: string[] }) {
  const t = useTranslations("adminEdit");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const serverErrorText = useServerErrorText();
  const uid = useId();
  const [saved, setSaved] = useState(calendar);
  const [name, setName] = useState(calendar.name);
  const [timeZone, setTimeZone] = useState(calendar.timeZone);
  const [periods, setPeriods] = useState<Period[]>(() => toPeriods(calendar.hours));
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(0);
  const [serverError, setServerError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const hours = periods.map(({ day, start, end }) => ({ day, start, end }));
  const issues = useMemo(
    () => validateCalendarEdit({ name, timeZone, hours: periods }, zones),
    [name, timeZone, periods, zones],
  );
  const fieldKey = (path: Issue["path"]) =>
    path[0] === "hours" && typeof path[1] === "number"
      ? `p${periods[path[1]]?.key}.${String(path[2])}`
      : String(path[0]);
  const byField = new Map<string, Issue>();
  for (const issue of issues) if (!byField.has(fieldKey(issue.path))) byField.set(fieldKey(issue.path), issue);
  const shown = (field: string) => (submitted > 0 || touched.has(field) ? byField.get(field) : undefined);
  const dirty = comparable(name, timeZone, hours) !== comparable(saved.name, saved.timeZone, saved.hours);

  const weeklyMinutes = issues.length
    ? null
    : hours.reduce((sum, h) => sum + (parseClockTime(h.end, true) ?? 0) - (parseClockTime(h.start, false) ?? 0), 0);

  useEffect(() => {
    if (focusKey) document.getElementById(`${uid}-${focusKey}`)?.focus();
  }, [focusKey, uid]);
  useEffect(() => {
    const first = submitted > 0 ? formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]') : null;
    // Centred, so the sticky save bar does not cover the field that needs attention.
    first?.scrollIntoView({ block: "center" });
    first?.focus({ preventScroll: true });
  }, [submitted]);

  const save = useMutation(
    trpc.admin.updateCalendar.mutationOptions({
      onSuccess: (res) => {
        queryClient.setQueryData(trpc.admin.calendar.queryKey({ id: calendar.id }), res.calendar);
        setSaved(res.calendar);
        setName(res.calendar.name);
        setTimeZone(res.calendar.timeZone);
        setPeriods(toPeriods(res.calendar.hours));
        setTouched(new Set());
        setSubmitted(0);
        setStatus(t("calendar.saved", { n: res.ticketsRefreshed }));
      },
      onError: (err) => setServerError(serverErrorText(err)),
    }),
  );

  const touch = (field: string) => setTouched((s) => new Set(s).add(field));
  const update = (key: number, patch: Partial<OpeningPeriod>) =>
    setPeriods((list) => list.map((p) => (p.key === key ? { ...p, ...patch } : p)));

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setStatus(null);
    setServerError(null);
    if (issues.length) {
      setSubmitted((n) => n + 1);
      return;
    }
    save.mutate({ id: calendar.id, name, timeZone, hours });
  }

  function discard() {
    setName(saved.name);
    setTimeZone(saved.timeZone);
    setPeriods(toPeriods(saved.hours));
    setTouched(new Set());
    setSubmitted(0);
    setServerError(null);
  }

  function copyMonday() {
    const monday = periods.filter((p) => p.day === 1);
    setPeriods((list) => {
      const first = nextKey(list);
      const copies = ([2, 3, 4, 5] as const).flatMap((day) => monday.map((p) => ({ day, start: p.start, end: p.end })));
      return [...list.filter((p) => p.day < 2 || p.day > 5), ...copies.map((c, i) => ({ ...c, key: first + i }))];
    });
  }

  const zoneGroups = useMemo(() => {
    const groups = new Map<string, string[]>();
    for (const z of zones.includes(timeZone) ? zones : [timeZone, ...zones]) {
      const area = z.includes("/") ? z.slice(0, z.indexOf("/")) : "";
      groups.set(area, [...(groups.get(area) ?? []), z]);
    }
    return [...groups];
  }, [zones, timeZone]);

  const nameError = issueText(t, shown("name"));
  const zoneError = issueText(t, shown("timeZone"));
  const hoursError = issueText(t, shown("hours"));

  return (
    <form ref={formRef} noValidate onSubmit={onSubmit} aria-labelledby={`${uid}-details-title`} className="space-y-6">
      <Card id={`${uid}-details`} title={t("calendar.details")}>
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor={`${uid}-name`} className={labelClass}>
              {t("calendar.name")}
            </label>
            <input
              id={`${uid}-name`}
              value={name}
              maxLength={CALENDAR_NAME_MAX + 20}
              onChange={(e) => setName(e.target.value)}
              onBlur={() => touch("name")}
              aria-invalid={nameError ? true : undefined}
              aria-describedby={nameError ? `${uid}-name-error` : undefined}
              className={`mt-1 ${inputClass}`}
            />
            <FieldError id={`${uid}-name-error`} message={nameError} />
          </div>
          <div>
            <label htmlFor={`${uid}-zone`} className={labelClass}>
              {t("calendar.timeZone")}
            </label>
            <select
              id={`${uid}-zone`}
              value={timeZone}
              onChange={(e) => {
                setTimeZone(e.target.value);
                touch("timeZone");
              }}
              aria-invalid={zoneError ? true : undefined}
              aria-describedby={`${uid}-zone-hint${zoneError ? ` ${uid}-zone-error` : ""}`}
              className={`mt-1 ${inputClass}`}
            >
              {zoneGroups.map(([area, list]) => (
                <optgroup key={area || "other"} label={area || "—"}>
                  {list.map((z) => (
                    <option key={z} value={z}>
                      {z.replaceAll("_", " ")}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
            <p id={`${uid}-zone-hint`} className="mt-1 text-xs text-slate-500">
              {t("calendar.timeZoneHint")}
            </p>
            <FieldError id={`${uid}-zone-error`} message={zoneError} />
          </div>
        </div>
      </Card>

      <Card
        id={`${uid}-hours`}
        title={t("calendar.hours")}
        description={t("calendar.hoursHint")}
        actions={
          <Button onClick={copyMonday} disabled={!periods.some((p) => p.day === 1)}>
            {t("calendar.copyMonday")}
          </Button>
        }
      >
        <div className="divide-y divide-slate-100">
          {WEEK.map((day) => {
            const ofDay = periods.filter((p) => p.day === day);
            const dayName = t(`dayName.${day}`);
            return (
              <div
                key={day}
                role="group"
                aria-labelledby={`${uid}-day${day}`}
                className="grid gap-1 py-3 first:pt-0 sm:grid-cols-[8rem_1fr] sm:items-start sm:gap-2"
              >
                <div id={`${uid}-day${day}`} className="text-sm font-medium text-slate-900 sm:pt-2">
                  {dayName}
                </div>
                <div className="space-y-2">
                  {ofDay.length === 0 ? <p className="pt-2 text-sm text-slate-500">{t("calendar.closed")}</p> : null}
                  {ofDay.map((p, i) => {
                    const n = i + 1;
                    const startError = issueText(t, shown(`p${p.key}.start`));
                    const endError = issueText(t, shown(`p${p.key}.end`));
                    return (
                      <div key={p.key}>
                        <div className="flex flex-wrap items-center gap-2">
                          <input
                            id={`${uid}-p${p.key}.start`}
                            value={p.start}
                            inputMode="numeric"
                            placeholder="09:00"
                            maxLength={8}
                            aria-label={t("calendar.periodStart", { day: dayName, n })}
                            aria-invalid={startError ? true : undefined}
                            aria-describedby={startError ? `${uid}-p${p.key}-start-error` : undefined}
                            onChange={(e) => update(p.key, { start: e.target.value })}
                            onBlur={(e) => {
                              update(p.key, { start: tidyClockInput(e.target.value) });
                              touch(`p${p.key}.start`);
                            }}
                            className={`w-20 tabular-nums ${inputBase}`}
                          />
                          <span aria-hidden className="text-sm text-slate-500">
                            {t("calendar.to")}
                          </span>
                          <input
                            id={`${uid}-p${p.key}.end`}
                            value={p.end}
                            inputMode="numeric"
                            placeholder="17:30"
                            maxLength={8}
                            aria-label={t("calendar.periodEnd", { day: dayName, n })}
                            aria-invalid={endError ? true : undefined}
                            aria-describedby={endError ? `${uid}-p${p.key}-end-error` : undefined}
                            onChange={(e) => update(p.key, { end: e.target.value })}
                            onBlur={(e) => {
                              update(p.key, { end: tidyClockInput(e.target.value) });
                              touch(`p${p.key}.end`);
                            }}
                            className={`w-20 tabular-nums ${inputBase}`}
                          />
                          <Button
                            variant="link"
                            aria-label={t("calendar.removePeriodFor", { day: dayName, n })}
                            onClick={() => {
                              setPeriods((list) => list.filter((x) => x.key !== p.key));
                              setFocusKey(`add${day}`);
                            }}
                          >
                            <span aria-hidden>✕</span>
                          </Button>
                        </div>
                        <FieldError id={`${uid}-p${p.key}-start-error`} message={startError} />
                        <FieldError id={`${uid}-p${p.key}-end-error`} message={endError} />
                      </div>
                    );
                  })}
                  <Button
                    id={`${uid}-add${day}`}
                    variant="link"
                    aria-label={t("calendar.addPeriodFor", { day: dayName })}
                    onClick={() => {
                      const key = nextKey(periods);
                      setPeriods((list) => [
                        ...list,
                        { day, start: ofDay.length ? "" : "09:00", end: ofDay.length ? "" : "17:30", key },
                      ]);
                      setFocusKey(`p${key}.start`);
                    }}
                  >
                    + {t("calendar.addPeriod")}
                  </Button>
                </div>
              </div>
            );
          })}
        </div>
        <FieldError id={`${uid}-hours-error`} message={hoursError} />
        {weeklyMinutes !== null ? (
          <p className="mt-3 text-sm text-slate-600">
            {t("calendar.weeklyTotal", { hours: Math.round((weeklyMinutes / 60) * 100) / 100 })}
          </p>
        ) : null}
      </Card>

      <div className="sticky bottom-0 z-10 -mx-4 space-y-3 border-t border-slate-200 bg-slate-50/95 px-4 py-3 backdrop-blur sm:mx-0 sm:rounded-xl sm:border sm:px-5">
        {submitted > 0 && issues.length ? <FormAlert>{t("fixErrors")}</FormAlert> : null}
        {serverError ? <FormAlert>{t("saveFailed", { message: serverError })}</FormAlert> : null}
        <StatusNote message={status} />
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="submit"
            disabled={save.isPending}
            className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
          >
            {save.isPending ? t("saving") : t("calendar.save")}
          </button>
          {dirty ? (
            <>
              <Button onClick={discard}>{t("discard")}</Button>
              <span className="text-sm text-amber-800">{t("unsaved")}</span>
            </>
          ) : null}
        </div>
      </div>
    </form>
  );
}

function HolidaysCard({ calendar }: { calendar: Calendar }) {
  const t = useTranslations("adminEdit");
  const tt = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const serverErrorText = useServerErrorText();
  const uid = useId();
  const commonSource = useMemo(() => {
    const counts = new Map<string, number>();
    for (const h of calendar.holidays) counts.set(h.source, (counts.get(h.source) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "";
  }, [calendar.holidays]);
  const [date, setDate] = useState("");
  const [name, setName] = useState("");
  const [source, setSource] = useState(commonSource);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  // Upcoming holidays are the ones an admin checks; "today" is the calendar's own local date.
  const [today] = useState(() => new Intl.DateTimeFormat("sv-SE", { timeZone: calendar.timeZone }).format(new Date()));
  const [year, setYear] = useState("upcoming");

  const invalidate = () =>
    queryClient.invalidateQueries({ queryKey: trpc.admin.calendar.queryKey({ id: calendar.id }) });
  const add = useMutation(
    trpc.admin.addHoliday.mutationOptions({
      onSuccess: async ({ holiday }) => {
        await invalidate();
        setDate("");
        setName("");
        setTouched(new Set());
        setSubmitted(false);
        if (!(year === "all" || (year === "upcoming" ? holiday.date >= today : holiday.date.startsWith(year))))
          setYear(holiday.date.slice(0, 4));
        setStatus(t("holidays.added", { name: holiday.name, date: holiday.date }));
        document.getElementById(`${uid}-date`)?.focus();
      },
      onError: (err) => setServerError(serverErrorText(err)),
    }),
  );
  const remove = useMutation(
    trpc.admin.removeHoliday.mutationOptions({
      onSuccess: async ({ holiday }) => {
        await invalidate();
        setStatus(t("holidays.removed", { name: holiday.name, date: holiday.date }));
      },
      onError: (err) => setServerError(serverErrorText(err)),
    }),
  );

  const issues = validateHoliday(
    { date, name, source },
    calendar.holidays.map((h) => h.date),
  );
  const shown = (field: string) => {
    const issue = submitted || touched.has(field) ? issues.find((i) => i.path[0] === field) : undefined;
    return issue ? t(`issues.${issue.code}`, issue.values ?? {}) : null;
  };
  const touch = (field: string) => setTouched((s) => new Set(s).add(field));
  const years = [...new Set(calendar.holidays.map((h) => h.date.slice(0, 4)))].sort();
  const visible =
    year === "all"
      ? calendar.holidays
      : calendar.holidays.filter((h) => (year === "upcoming" ? h.date >= today : h.date.startsWith(year)));

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setStatus(null);
    setServerError(null);
    if (issues.length) {
      setSubmitted(true);
      return;
    }
    add.mutate({ calendarId: calendar.id, date, name, source });
  }

  const field = (key: "date" | "name" | "source", label: string, input: ReactNode, hint?: string) => {
    const error = shown(key);
    return (
      <div>
        <label htmlFor={`${uid}-${key}`} className={labelClass}>
          {label}
        </label>
        {input}
        {hint ? (
          <p id={`${uid}-${key}-hint`} className="mt-1 text-xs text-slate-500">
            {hint}
          </p>
        ) : null}
        <FieldError id={`${uid}-${key}-error`} message={error} />
      </div>
    );
  };
  const described = (key: string, hint = false) =>
    [hint ? `${uid}-${key}-hint` : "", shown(key) ? `${uid}-${key}-error` : ""].filter(Boolean).join(" ") || undefined;

  return (
    <Card
      id={`${uid}-holidays`}
      title={t("holidays.title")}
      description={`${t("holidays.description", { zone: calendar.timeZone })} ${t("holidays.count", { n: calendar.holidays.length })}`}
    >
      <form
        noValidate
        onSubmit={onSubmit}
        aria-labelledby={`${uid}-add-title`}
        className="space-y-3 rounded-lg bg-slate-50 p-4"
      >
        <h3 id={`${uid}-add-title`} className="text-sm font-semibold text-slate-900">
          {t("holidays.addTitle")}
        </h3>
        <div className="grid gap-3 sm:grid-cols-2">
          {field(
            "date",
            t("holidays.date"),
            <input
              id={`${uid}-date`}
              type="date"
              value={date}
              onChange={(e) => setDate(e.target.value)}
              onBlur={() => touch("date")}
              aria-invalid={shown("date") ? true : undefined}
              aria-describedby={described("date")}
              className={`mt-1 ${inputClass}`}
            />,
          )}
          {field(
            "name",
            t("holidays.name"),
            <input
              id={`${uid}-name`}
              value={name}
              maxLength={HOLIDAY_TEXT_MAX + 20}
              onChange={(e) => setName(e.target.value)}
              onBlur={() => touch("name")}
              aria-invalid={shown("name") ? true : undefined}
              aria-describedby={described("name")}
              className={`mt-1 ${inputClass}`}
            />,
          )}
        </div>
        {field(
          "source",
          t("holidays.source"),
          <input
            id={`${uid}-source`}
            value={source}
            maxLength={HOLIDAY_TEXT_MAX + 20}
            onChange={(e) => setSource(e.target.value)}
            onBlur={() => touch("source")}
            aria-invalid={shown("source") ? true : undefined}
            aria-describedby={described("source", true)}
            className={`mt-1 ${inputClass}`}
          />,
          t("holidays.sourceHint"),
        )}
        {serverError ? <FormAlert>{t("saveFailed", { message: serverError })}</FormAlert> : null}
        <button
          type="submit"
          disabled={add.isPending}
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {add.isPending ? t("holidays.adding") : t("holidays.add")}
        </button>
      </form>

      <div className="mt-4">
        <StatusNote message={status} />
      </div>

      <div className="mt-4 flex items-center justify-between gap-3">
        <label htmlFor={`${uid}-year`} className="text-sm font-medium text-slate-700">
          {t("holidays.year")}
        </label>
        <select
          id={`${uid}-year`}
          value={year}
          onChange={(e) => setYear(e.target.value)}
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
                      disabled={remove.isPending && remove.variables?.holidayId === h.id}
                      onClick={() => {
                        setStatus(null);
                        setServerError(null);
                        remove.mutate({ calendarId: calendar.id, holidayId: h.id });
                      }}
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
    </Card>
  );
}
