"use client";

import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { tidyClockInput, type Weekday } from "@/server/admin/calendars";
import { Button, FieldError, inputBase } from "../controls";
import type { CalendarFormState, Period } from "./use-calendar-form";

/** Monday first, as the week reads in both languages of the portal. */
const WEEK: Weekday[] = [1, 2, 3, 4, 5, 6, 0];

/** The weekly opening hours: one row per day, each with its periods, an add button and the week's total. */
export function WeeklyHoursFields({ form }: { form: CalendarFormState }) {
  const t = useTranslations("adminEdit");
  const { uid, periods, errorFor, weeklyMinutes } = form;
  return (
    <Card
      id={`${uid}-hours`}
      title={t("calendar.hours")}
      description={t("calendar.hoursHint")}
      actions={
        <Button onClick={form.copyMonday} disabled={!periods.some((p) => p.day === 1)}>
          {t("calendar.copyMonday")}
        </Button>
      }
    >
      <div className="divide-y divide-slate-100">
        {WEEK.map((day) => (
          <DayRow key={day} form={form} day={day} />
        ))}
      </div>
      <FieldError id={`${uid}-hours-error`} message={errorFor("hours")} />
      {weeklyMinutes !== null ? (
        <p className="mt-3 text-sm text-slate-600">
          {t("calendar.weeklyTotal", { hours: Math.round((weeklyMinutes / 60) * 100) / 100 })}
        </p>
      ) : null}
    </Card>
  );
}

function DayRow({ form, day }: { form: CalendarFormState; day: Weekday }) {
  const t = useTranslations("adminEdit");
  const { uid } = form;
  const ofDay = form.periods.filter((p) => p.day === day);
  const dayName = t(`dayName.${day}`);
  return (
    <div
      role="group"
      aria-labelledby={`${uid}-day${day}`}
      className="grid gap-1 py-3 first:pt-0 sm:grid-cols-[8rem_1fr] sm:items-start sm:gap-2"
    >
      <div id={`${uid}-day${day}`} className="text-sm font-medium text-slate-900 sm:pt-2">
        {dayName}
      </div>
      <div className="space-y-2">
        {ofDay.length === 0 ? <p className="pt-2 text-sm text-slate-500">{t("calendar.closed")}</p> : null}
        {ofDay.map((p, i) => (
          <PeriodFields key={p.key} form={form} period={p} dayName={dayName} n={i + 1} />
        ))}
        <Button
          id={`${uid}-add${day}`}
          variant="link"
          aria-label={t("calendar.addPeriodFor", { day: dayName })}
          onClick={() => form.addPeriod(day)}
        >
          + {t("calendar.addPeriod")}
        </Button>
      </div>
    </div>
  );
}

/** One opening period's start and end; times are tidied ("900" becomes "09:00") when the admin leaves a field. */
function PeriodFields({
  form,
  period: p,
  dayName,
  n,
}: {
  form: CalendarFormState;
  period: Period;
  dayName: string;
  n: number;
}) {
  const t = useTranslations("adminEdit");
  const { uid, touch, updatePeriod } = form;
  const startError = form.errorFor(`p${p.key}.start`);
  const endError = form.errorFor(`p${p.key}.end`);
  return (
    <div>
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
          onChange={(e) => updatePeriod(p.key, { start: e.target.value })}
          onBlur={(e) => {
            updatePeriod(p.key, { start: tidyClockInput(e.target.value) });
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
          onChange={(e) => updatePeriod(p.key, { end: e.target.value })}
          onBlur={(e) => {
            updatePeriod(p.key, { end: tidyClockInput(e.target.value) });
            touch(`p${p.key}.end`);
          }}
          className={`w-20 tabular-nums ${inputBase}`}
        />
        <Button
          variant="link"
          aria-label={t("calendar.removePeriodFor", { day: dayName, n })}
          onClick={() => form.removePeriod(p.key, p.day)}
        >
          <span aria-hidden>✕</span>
        </Button>
      </div>
      <FieldError id={`${uid}-p${p.key}-start-error`} message={startError} />
      <FieldError id={`${uid}-p${p.key}-end-error`} message={endError} />
    </div>
  );
}
