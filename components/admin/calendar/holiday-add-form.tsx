"use client";

import { useMutation } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import { useId, useMemo, useState, type FormEvent, type ReactNode } from "react";
import { useTRPC } from "@/components/trpc/client";
import { useHydrated } from "@/components/ui/use-hydrated";
import { HOLIDAY_TEXT_MAX, validateHoliday } from "@/server/admin/calendars";
import type { AppRouter } from "@/server/api/root";
import { FieldError, FormAlert, inputClass, labelClass, useServerErrorText } from "../controls";
import type { Calendar } from "./use-calendar-form";

type AddedHoliday = inferRouterOutputs<AppRouter>["admin"]["addHoliday"]["holiday"];
type Field = "date" | "name" | "source";

/** The most used source of the calendar's holidays, which a new holiday most likely shares. */
function commonSource(holidays: Calendar["holidays"]): string {
  const counts = new Map<string, number>();
  for (const h of holidays) counts.set(h.source, (counts.get(h.source) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "";
}

/**
 * Adds one holiday. Checked with the server's own `validateHoliday` (a date already in the
 * calendar is refused before the request); cleared and ready for the next one after a success.
 */
export function HolidayAddForm({
  calendar,
  serverError,
  onSubmitStart,
  onError,
  onAdded,
}: {
  calendar: Calendar;
  serverError: string | null;
  onSubmitStart: () => void;
  onError: (message: string) => void;
  onAdded: (holiday: AddedHoliday) => Promise<void>;
}) {
  const t = useTranslations("adminEdit");
  const trpc = useTRPC();
  const serverErrorText = useServerErrorText();
  const uid = useId();
  const initialSource = useMemo(() => commonSource(calendar.holidays), [calendar.holidays]);
  const [date, setDate] = useState("");
  const [name, setName] = useState("");
  const [source, setSource] = useState(initialSource);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);

  // Until the page is interactive a click would post nothing the form checked: the button waits.
  const hydrated = useHydrated();
  const add = useMutation(
    trpc.admin.addHoliday.mutationOptions({
      onSuccess: async ({ holiday }) => {
        await onAdded(holiday);
        setDate("");
        setName("");
        setTouched(new Set());
        setSubmitted(false);
        document.getElementById(`${uid}-date`)?.focus();
      },
      onError: (err) => onError(serverErrorText(err)),
    }),
  );

  const issues = validateHoliday(
    { date, name, source },
    calendar.holidays.map((h) => h.date),
  );
  const shown = (field: Field) => {
    const issue = submitted || touched.has(field) ? issues.find((i) => i.path[0] === field) : undefined;
    return issue ? t(`issues.${issue.code}`, issue.values ?? {}) : null;
  };
  const touch = (field: Field) => setTouched((s) => new Set(s).add(field));
  const described = (key: Field, hint = false) =>
    [hint ? `${uid}-${key}-hint` : "", shown(key) ? `${uid}-${key}-error` : ""].filter(Boolean).join(" ") || undefined;

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    onSubmitStart();
    if (issues.length) {
      setSubmitted(true);
      return;
    }
    add.mutate({ calendarId: calendar.id, date, name, source });
  }

  const field = (key: Field, label: string, input: ReactNode, hint?: string) => (
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
      <FieldError id={`${uid}-${key}-error`} message={shown(key)} />
    </div>
  );
  const input = (
    key: Field,
    value: string,
    set: (v: string) => void,
    extra: { type?: string; hint?: boolean } = {},
  ) => (
    <input
      id={`${uid}-${key}`}
      type={extra.type}
      value={value}
      maxLength={extra.type ? undefined : HOLIDAY_TEXT_MAX + 20}
      onChange={(e) => set(e.target.value)}
      onBlur={() => touch(key)}
      aria-invalid={shown(key) ? true : undefined}
      aria-describedby={described(key, extra.hint)}
      className={`mt-1 ${inputClass}`}
    />
  );

  return (
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
        {field("date", t("holidays.date"), input("date", date, setDate, { type: "date" }))}
        {field("name", t("holidays.name"), input("name", name, setName))}
      </div>
      {field(
        "source",
        t("holidays.source"),
        input("source", source, setSource, { hint: true }),
        t("holidays.sourceHint"),
      )}
      {serverError ? <FormAlert>{t("saveFailed", { message: serverError })}</FormAlert> : null}
      <button
        type="submit"
        disabled={!hydrated || add.isPending}
        className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {add.isPending ? t("holidays.adding") : t("holidays.add")}
      </button>
    </form>
  );
}
