/**
 * What a tier covers, read from its targets: the rules the public service scope pages state.
 * Pure: plain data in and out.
 */
import type { CalendarMode, Metric, Priority } from "@/db/schema/enums";

/** How long each SDK release is supported after it ships (months); past it, tickets may be excluded (sdk_out_of_support). */
export const SDK_SUPPORT_MONTHS = 24;

type Cell = { priority: Priority; metric: Metric; calendarMode: CalendarMode };

/**
 * The coverage of each priority: "always" (24x7) when its first response is measured around the
 * clock, "business" when only while the support calendar is open. Derived from the targets, so
 * an admin's change of a target's calendar changes what the scope page says.
 */
export function coverageByPriority(
  cells: readonly Cell[],
  priorities: readonly Priority[],
): Record<Priority, CalendarMode> {
  return Object.fromEntries(
    priorities.map((p) => {
      const fr = cells.find((c) => c.priority === p && c.metric === "firstResponse");
      return [p, fr?.calendarMode ?? "business"];
    }),
  ) as Record<Priority, CalendarMode>;
}
