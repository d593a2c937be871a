/**
 * The inbound monitoring endpoint's rules (decision 028): the body an alert carries, how its
 * signature is read, and when two alerts are the same problem. Pure.
 *
 * Signature: header `X-Attain-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(key, "<t>.<body>")>`,
 * the same scheme our outgoing webhooks use (server/webhooks/rules.ts).
 */
import { createHmac, timingSafeEqual } from "node:crypto";
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
    appId: z.string().trim().min(1).max(64).optional(),
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

export type SignatureCheck =
  { ok: true; timestamp: number; v1: string } | { ok: false; reason: "unsigned" | "stale" | "signature" };

/** Reads a signature header and checks it against each of `secrets` (the current and a rotated key). */
export function checkSignature(header: string | null, body: string, secrets: string[], now: Date): SignatureCheck {
  if (!header) return { ok: false, reason: "unsigned" };
  const parts = new Map(
    header.split(",").map((p) => {
      const i = p.indexOf("=");
      return [p.slice(0, i).trim(), p.slice(i + 1).trim()] as const;
    }),
  );
  const t = Number(parts.get("t"));
  const v1 = parts.get("v1") ?? "";
  if (!Number.isInteger(t) || !/^[0-9a-f]{64}$/i.test(v1)) return { ok: false, reason: "unsigned" };
  if (Math.abs(now.getTime() / 1000 - t) > SIGNATURE_TOLERANCE_S) return { ok: false, reason: "stale" };
  const given = Buffer.from(v1, "hex");
  const matches = secrets.some((secret) => {
    const expected = createHmac("sha256", secret).update(`${t}.${body}`).digest();
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
  return matches ? { ok: true, timestamp: t, v1: v1.toLowerCase() } : { ok: false, reason: "signature" };
}

/** Whether an earlier alert (detected at `earlier`) and a new one are the same problem. */
export const sameProblem = (earlier: Date, detectedAt: Date): boolean =>
  Math.abs(detectedAt.getTime() - earlier.getTime()) <= GROUP_WINDOW_MS;
