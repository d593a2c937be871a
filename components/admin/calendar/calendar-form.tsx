"use client";

import { useTranslations } from "next-intl";
import { useRef } from "react";
import { Button, FormAlert, StatusNote } from "../controls";
import { DetailsFields } from "./details-fields";
import { useCalendarForm, type Calendar, type CalendarFormState } from "./use-calendar-form";
import { WeeklyHoursFields } from "./weekly-hours-fields";

/** Name, time zone and weekly hours, saved together from the sticky bar at the bottom. */
export function CalendarForm({ calendar, zones }: { calendar: Calendar; zones: string[] }) {
  const formRef = useRef<HTMLFormElement>(null);
  const form = useCalendarForm(calendar, zones, formRef);
  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={form.onSubmit}
      aria-labelledby={`${form.uid}-details-title`}
      className="space-y-6"
    >
      <DetailsFields form={form} zones={zones} />
      <WeeklyHoursFields form={form} />
      <SaveBar form={form} />
    </form>
  );
}

function SaveBar({ form }: { form: CalendarFormState }) {
  const t = useTranslations("adminEdit");
  return (
    <div className="sticky bottom-0 z-10 -mx-4 space-y-3 border-t border-slate-200 bg-slate-50/95 px-4 py-3 backdrop-blur sm:mx-0 sm:rounded-xl sm:border sm:px-5">
      {form.submitted && form.hasIssues ? <FormAlert>{t("fixErrors")}</FormAlert> : null}
      {form.serverError ? <FormAlert>{t("saveFailed", { message: form.serverError })}</FormAlert> : null}
      <StatusNote message={form.status} />
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={form.saving}
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {form.saving ? t("saving") : t("calendar.save")}
        </button>
        {form.dirty ? (
          <>
            <Button onClick={form.discard}>{t("discard")}</Button>
            <span className="text-sm text-amber-800">{t("unsaved")}</span>
          </>
        ) : null}
      </div>
    </div>
  );
}
