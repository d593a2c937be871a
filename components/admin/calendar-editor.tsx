"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { PageHeader } from "@/components/ui/card";
import { useTRPC } from "@/components/trpc/client";
import { CalendarForm } from "./calendar/calendar-form";
import { HolidaysCard } from "./calendar/holidays-card";
import { LoadError, LoadingCard } from "./controls";

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
