"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { Card } from "@/components/ui/card";
import { CALENDAR_NAME_MAX } from "@/server/admin/calendars";
import { FieldError, inputClass, labelClass } from "../controls";
import type { CalendarFormState } from "./use-calendar-form";

/** Time zones grouped by their area ("Asia", "Europe"), keeping a saved zone the list no longer has. */
function groupZones(zones: string[], current: string): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const z of zones.includes(current) ? zones : [current, ...zones]) {
    const area = z.includes("/") ? z.slice(0, z.indexOf("/")) : "";
    groups.set(area, [...(groups.get(area) ?? []), z]);
  }
  return [...groups];
}

/** The calendar's name and time zone. */
export function DetailsFields({ form, zones }: { form: CalendarFormState; zones: string[] }) {
  const t = useTranslations("adminEdit");
  const { uid, name, setName, timeZone, setTimeZone, touch, errorFor } = form;
  const zoneGroups = useMemo(() => groupZones(zones, timeZone), [zones, timeZone]);
  const nameError = errorFor("name");
  const zoneError = errorFor("timeZone");

  return (
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
  );
}
