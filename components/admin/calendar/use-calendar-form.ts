"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import { useEffect, useId, useMemo, useState, type FormEvent, type RefObject } from "react";
import { useTRPC } from "@/components/trpc/client";
import {
  parseClockTime,
  sortOpeningHours,
  validateCalendarEdit,
  type Issue,
  type OpeningPeriod,
  type Weekday,
} from "@/server/admin/calendars";
import type { AppRouter } from "@/server/api/root";
import { useServerErrorText } from "../controls";

export type Calendar = inferRouterOutputs<AppRouter>["admin"]["calendar"];
export type Period = OpeningPeriod & { key: number };

/** The sentence for a validation issue, in the admin editors' words. */
export function issueText(t: ReturnType<typeof useTranslations>, issue: Issue | undefined): string | null {
  return issue ? t(`issues.${issue.code}`, issue.values ?? {}) : null;
}

/** Periods with keys for React and element ids; the same on the server and in the browser. */
function toPeriods(hours: readonly OpeningPeriod[]): Period[] {
  return sortOpeningHours(hours).map((h, i) => ({ ...h, key: i + 1 }));
}

const nextKey = (list: readonly Period[]) => list.reduce((max, p) => Math.max(max, p.key), 0) + 1;

const comparable = (name: string, timeZone: string, hours: readonly OpeningPeriod[]) =>
  JSON.stringify([name.trim(), timeZone, sortOpeningHours(hours.map(({ day, start, end }) => ({ day, start, end })))]);

/**
 * The calendar form's one state: name, time zone and weekly periods, which fields the admin has
 * left (errors show after that, or after a submit), and the save. Validation is the server's own
 * `validateCalendarEdit`, so the form refuses exactly what the server would. After a refused
 * submit, the first invalid field in `formRef` takes the focus.
 */
export function useCalendarForm(calendar: Calendar, zones: string[], formRef: RefObject<HTMLFormElement | null>) {
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
  /** A field's error once the admin has left it or tried to save; element ids use the same field keys. */
  const errorFor = (field: string) =>
    issueText(t, submitted > 0 || touched.has(field) ? byField.get(field) : undefined);
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
  }, [submitted, formRef]);

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
  const updatePeriod = (key: number, patch: Partial<OpeningPeriod>) =>
    setPeriods((list) => list.map((p) => (p.key === key ? { ...p, ...patch } : p)));

  /** A new period on `day`: the usual business day when the day was closed, blank beside existing ones. */
  function addPeriod(day: Weekday) {
    const key = nextKey(periods);
    const open = periods.some((p) => p.day === day);
    setPeriods((list) => [...list, { day, start: open ? "" : "09:00", end: open ? "" : "17:30", key }]);
    setFocusKey(`p${key}.start`);
  }

  /** Removing a period moves focus to its day's add button, which stays on the page. */
  function removePeriod(key: number, day: Weekday) {
    setPeriods((list) => list.filter((x) => x.key !== key));
    setFocusKey(`add${day}`);
  }

  function copyMonday() {
    const monday = periods.filter((p) => p.day === 1);
    setPeriods((list) => {
      const first = nextKey(list);
      const copies = ([2, 3, 4, 5] as const).flatMap((day) => monday.map((p) => ({ day, start: p.start, end: p.end })));
      return [...list.filter((p) => p.day < 2 || p.day > 5), ...copies.map((c, i) => ({ ...c, key: first + i }))];
    });
  }

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

  return {
    uid,
    name,
    setName,
    timeZone,
    setTimeZone,
    periods,
    touch,
    errorFor,
    updatePeriod,
    addPeriod,
    removePeriod,
    copyMonday,
    weeklyMinutes,
    hasIssues: issues.length > 0,
    submitted: submitted > 0,
    dirty,
    serverError,
    status,
    saving: save.isPending,
    onSubmit,
    discard,
  };
}

export type CalendarFormState = ReturnType<typeof useCalendarForm>;
