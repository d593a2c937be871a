/**
 * POST /api/monitoring/alerts over HTTP, apart from Next.js so tests call it with plain Requests.
 * Reads at most MAX_BODY_BYTES of the body (a bigger one is refused without reading it all), then
 * hands it to receiveAlert. Answers JSON; errors carry a short message in the caller's language
 * (Accept-Language).
 */
import type { Db } from "@/server/db";
import { pickLocale } from "@/server/i18n/negotiate";
import { translatedRefusal } from "@/server/i18n/refusals";
import { readBodyWithin } from "@/server/security/request-body";
import { MAX_BODY_BYTES } from "./rules";
import { receiveAlert } from "./service";

const HEADERS = { "cache-control": "no-store", "x-content-type-options": "nosniff" };

export async function handleMonitoringAlert(req: Request, db: Db, now: () => Date): Promise<Response> {
  const locale = pickLocale(req.headers.get("accept-language"));
  const error = (status: number, code: string, key: string, values?: Record<string, string>) =>
    Response.json(
      { error: { code, message: translatedRefusal(locale, `monitoring.refusals.${key}`, values) } },
      { status, headers: HEADERS },
    );
  if (req.method !== "POST") return error(405, "method", "method");
  if (!(req.headers.get("content-type") ?? "").toLowerCase().startsWith("application/json"))
    return error(415, "contentType", "contentType");
  const read = await readBodyWithin(req, MAX_BODY_BYTES);
  if (!read.ok) return error(413, "tooLarge", "tooLarge", { max: String(MAX_BODY_BYTES / 1024) });
  const body = Buffer.from(read.body).toString("utf8");
  const outcome = receiveAlert(db, body, req.headers.get("x-attain-signature"), now());
  if ("code" in outcome) return error(outcome.status, outcome.code, outcome.code, outcome.values);
  return Response.json(
    {
      alertId: outcome.alertId,
      ticketId: outcome.ticketId,
      grouped: outcome.grouped,
      duplicate: outcome.duplicate,
    },
    { status: outcome.status, headers: HEADERS },
  );
}
