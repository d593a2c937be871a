import {
  FEATURE_STATUSES,
  PRIORITIES,
  PRODUCT_AREAS,
  TICKET_CATEGORIES,
  type TicketEventType,
} from "@/db/schema/enums";
import type { Priority } from "@/server/sla/evaluate";

/** A change a timeline entry names, its values read back as the enums they were written from. */
export type EventChange =
  | { kind: "priority"; from: Priority; to: Priority }
  | { kind: "category"; from: (typeof TICKET_CATEGORIES)[number]; to: (typeof TICKET_CATEGORIES)[number] }
  | { kind: "productArea"; from: (typeof PRODUCT_AREAS)[number]; to: (typeof PRODUCT_AREAS)[number] }
  | { kind: "roadmapStatus"; from: (typeof FEATURE_STATUSES)[number]; to: (typeof FEATURE_STATUSES)[number] };

const CHANGES = {
  priorityChanged: { kind: "priority", values: PRIORITIES, toKey: "priority" },
  categoryChanged: { kind: "category", values: TICKET_CATEGORIES, toKey: "to" },
  productAreaChanged: { kind: "productArea", values: PRODUCT_AREAS, toKey: "to" },
  featureStatusChanged: { kind: "roadmapStatus", values: FEATURE_STATUSES, toKey: "to" },
} as const satisfies Partial<
  Record<TicketEventType, { kind: EventChange["kind"]; values: readonly string[]; toKey: string }>
>;

/**
 * The change an event of the ticket's log records (`data.from` → its new value), or null for an
 * event that records none or whose stored values are not ones the change can take. Each kind of
 * event stores its own kind of value under `from`: a priority, a category, a product area, a
 * roadmap status; the ticket page reads each as its own kind.
 */
export function eventChange(
  type: TicketEventType,
  data: Record<string, unknown> | null | undefined,
): EventChange | null {
  const shape = (CHANGES as Partial<Record<TicketEventType, (typeof CHANGES)[keyof typeof CHANGES]>>)[type];
  if (!shape || !data) return null;
  const from = data.from;
  const to = data[shape.toKey];
  const valid = (v: unknown): v is string => typeof v === "string" && (shape.values as readonly string[]).includes(v);
  return valid(from) && valid(to) ? ({ kind: shape.kind, from, to } as EventChange) : null;
}
