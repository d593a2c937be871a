/**
 * The inbound monitoring endpoint's rules (decision 028): the body an alert carries, how long
 * receipts and rotated keys last, and when two alerts are the same problem. Pure.
 *
 * Signature: header `X-Attain-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(key, "<t>.<body>")>`,
 * the same scheme our outgoing webhooks use, checked by the same code (server/webhooks/rules.ts).
 */
import { z } from "zod";
import { PRODUCT_AREAS } from "@/db/schema/enums";
import { SIGNATURE_TOLERANCE_S } from "@/server/webhooks/rules";

/** The most bytes an alert's body may have; the endpoint stops reading past it. */
export const MAX_BODY_BYTES = 16 * 1024;
/** Alerts of one organization, product area and metric detected this close together are one problem. */
export const GROUP_WINDOW_MS = 30 * 60_000;
/** How long an accepted signature is remembered: longer than a timestamp stays fresh. */
export const RECEIPT_KEEP_MS = 2 * SIGNATURE_TOLERANCE_S * 1000;
/** How long the previous key keeps working after a rotation. */
export const ROTATION_GRACE_MS = 24 * 3_600_000;

export const ZMonitoringAlert = z
  .object({
    organizationId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
    // As long as a ticket's App ID may be (server/api/routers/tickets/schemas.ts), so every named one can be found.
    appId: z.string().trim().min(1).max(100).optional(),
    productArea: z.enum(PRODUCT_AREAS),
    metric: z.string().trim().min(1).max(80),
    priority: z.enum(["P0", "P1"]),
    detectedAt: z.iso.datetime({ offset: true }),
    description: z.string().trim().max(2000).optional(),
    alertId: z.string().trim().min(1).max(128).optional(),
  })
  .strict()
  .refine((a) => (a.organizationId === undefined) !== (a.appId === undefined), {
    message: "Give either organizationId or appId.",
  });

export type MonitoringAlert = z.infer<typeof ZMonitoringAlert>;

/**
 * The detection times an earlier alert of the same organization, product area and metric must fall
 * in to be the same problem as one detected at `detectedAt` (GROUP_WINDOW_MS either side, inclusive).
 */
export function groupWindow(detectedAt: Date): { from: Date; to: Date } {
  return {
    from: new Date(detectedAt.getTime() - GROUP_WINDOW_MS),
    to: new Date(detectedAt.getTime() + GROUP_WINDOW_MS),
  };
}
