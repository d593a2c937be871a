"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Card } from "@/components/ui/card";
import { useTRPC } from "@/components/trpc/client";
import { StatusNote, useServerErrorText } from "../controls";
import { HolidayAddForm } from "./holiday-add-form";
import { HolidayList, showsHoliday, type YearFilter } from "./holiday-list";
import type { Calendar } from "./use-calendar-form";

/** The calendar's holidays: the add form, what just happened, and the list filtered by year. */
export function HolidaysCard({ calendar }: { calendar: Calendar }) {
  const t = useTranslations("adminEdit");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const serverErrorText = useServerErrorText();
  const uid = useId();
  const [serverError, setServerError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  // Upcoming holidays are the ones an admin checks; "today" is the calendar's own local date.
  const [today] = useState(() => new Intl.DateTimeFormat("sv-SE", { timeZone: calendar.timeZone }).format(new Date()));
  const [year, setYear] = useState<YearFilter>("upcoming");

  const invalidate = () =>
    queryClient.invalidateQueries({ queryKey: trpc.admin.calendar.queryKey({ id: calendar.id }) });
  const remove = useMutation(
    trpc.admin.removeHoliday.mutationOptions({
      onSuccess: async ({ holiday }) => {
        await invalidate();
        setStatus(t("holidays.removed", { name: holiday.name, date: holiday.date }));
      },
      onError: (err) => setServerError(serverErrorText(err)),
    }),
  );

  const clearMessages = () => {
    setStatus(null);
    setServerError(null);
  };

  return (
    <Card
      id={`${uid}-holidays`}
      title={t("holidays.title")}
      description={`${t("holidays.description", { zone: calendar.timeZone })} ${t("holidays.count", { n: calendar.holidays.length })}`}
    >
      <HolidayAddForm
        calendar={calendar}
        serverError={serverError}
        onSubmitStart={clearMessages}
        onError={setServerError}
        onAdded={async (holiday) => {
          await invalidate();
          // A holiday added outside the chosen year would seem lost: show its year instead.
          if (!showsHoliday(year, today, holiday.date)) setYear(holiday.date.slice(0, 4));
          setStatus(t("holidays.added", { name: holiday.name, date: holiday.date }));
        }}
      />

      <div className="mt-4">
        <StatusNote message={status} />
      </div>

      <HolidayList
        holidays={calendar.holidays}
        year={year}
        onYearChange={setYear}
        today={today}
        removingId={remove.isPending ? remove.variables?.holidayId : undefined}
        onRemove={(holidayId) => {
          clearMessages();
          remove.mutate({ calendarId: calendar.id, holidayId });
        }}
      />
    </Card>
  );
}
