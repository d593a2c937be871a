import { getTranslations } from "next-intl/server";
import { formatTarget } from "@/components/format";
import { Badge, PRIORITY_TONE } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { METRICS, PRIORITIES, type CalendarMode } from "@/db/schema/enums";

export type TargetCell = {
  priority: (typeof PRIORITIES)[number];
  metric: (typeof METRICS)[number];
  minutes: number;
  calendarMode: CalendarMode;
};

/**
 * A tier's SLA targets as a priority × metric grid, each with its calendar mode; a missing cell
 * reads "no target". `inline` puts target and mode in one text run (the admin overview); otherwise
 * the mode is a smaller note beside the target (what customers and account staff see).
 */
export async function TargetsTable({
  caption,
  targets,
  businessDayMinutes,
  inline = false,
}: {
  caption: string;
  targets: readonly TargetCell[];
  /** The measuring calendar's usual business day (server/sla/business-day.ts). */
  businessDayMinutes: number | null;
  inline?: boolean;
}) {
  const t = await getTranslations();
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>{t("home.customer.priorityColumn")}</Th>
          {METRICS.map((m) => (
            <Th key={m}>{t(`metric.${m}`)}</Th>
          ))}
        </tr>
      </thead>
      <tbody>
        {PRIORITIES.map((p) => (
          <tr key={p}>
            <Td header>
              <Badge tone={PRIORITY_TONE[p]}>{t(`priority.${p}`)}</Badge>
            </Td>
            {METRICS.map((m) => {
              const cell = targets.find((c) => c.priority === p && c.metric === m);
              return (
                <Td key={m}>
                  {!cell ? (
                    <span className="text-slate-500">{t("home.customer.noTarget")}</span>
                  ) : inline ? (
                    `${formatTarget(t, cell.minutes, cell.calendarMode, businessDayMinutes)} · ${t(`coverage.${cell.calendarMode}`)}`
                  ) : (
                    <>
                      <span className="font-medium">
                        {formatTarget(t, cell.minutes, cell.calendarMode, businessDayMinutes)}
                      </span>
                      <span className="ml-1 text-xs text-slate-500">{t(`coverage.${cell.calendarMode}`)}</span>
                    </>
                  )}
                </Td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
