/**
 * The tRPC endpoint over HTTP, apart from Next.js so tests can call it with plain Requests:
 * cross-site mutations refused, bodies bounded, batches bounded, and no answer cacheable.
 */
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { Locale } from "@/db/schema/enums";
import type { SessionUser } from "@/server/auth/session";
import type { Db } from "@/server/db";
import { translatedRefusal } from "@/server/i18n/refusals";
import type { RequestRenderBudget } from "@/server/kb/markdown";
import { isCrossSiteMutation } from "@/server/security/cross-site";
import { readBodyWithin } from "@/server/security/request-body";
import { MAX_BATCH_SIZE, MAX_BODY_BYTES } from "./request-limits";
import { inRequestLocale } from "./request-locale";
import { appRouter } from "./root";
import { createContext } from "./trpc";

/**
 * Answers depend on who asks (the session cookie) and may hold an organization's data, so no
 * browser or shared cache may keep one: every answer of this endpoint, refusals included.
 */
const NO_STORE = { "cache-control": "no-store" };

/** A refusal before tRPC reads the request, in the caller's language (`key` of errors.request). */
function refusal(status: number, code: string, key: string, locale: Locale): Response {
  return Response.json({ error: { message: translatedRefusal(locale, key), code } }, { status, headers: NO_STORE });
}

export type TrpcHttpOptions = {
  /** The signed-in user, resolved only for a request that gets past the checks. */
  user: () => Promise<SessionUser | null>;
  /** The id of that user's session, resolved with the user (see `getSessionId`). */
  sessionId?: () => Promise<string | null>;
  /** The caller's language, given the signed-in user (server/i18n/preferences.ts); English when absent. */
  locale?: (user: SessionUser | null) => Promise<Locale>;
  ip: string | null;
  db?: Db;
  /** The request's Markdown render budget; tests give one with a stopwatch of their own. */
  renderBudget?: () => RequestRenderBudget;
};

/** Handles one request to /api/trpc. */
export async function handleTrpcRequest(req: Request, opts: TrpcHttpOptions): Promise<Response> {
  const localeOf = async (user: SessionUser | null): Promise<Locale> => (opts.locale ? opts.locale(user) : "en");
  // A page on another site must not be able to make a signed-in browser change anything here.
  if (isCrossSiteMutation(req.method, req.headers))
    return refusal(403, "FORBIDDEN", "errors.request.crossSite", await localeOf(null));
  let request = req;
  if (req.method !== "GET" && req.method !== "HEAD") {
    const read = await readBodyWithin(req, MAX_BODY_BYTES);
    if (!read.ok) return refusal(413, "PAYLOAD_TOO_LARGE", "errors.request.tooLarge", await localeOf(null));
    const headers = new Headers(req.headers);
    headers.delete("transfer-encoding");
    headers.set("content-length", String(read.body.byteLength));
    request = new Request(req.url, { method: req.method, headers, body: read.body as BodyInit, signal: req.signal });
  }
  // The caller and their language are known before tRPC reads the request, so that a request it
  // refuses before building a context (a content type it does not take, a batch over the limit) is
  // answered in that language too (server/api/request-locale.ts). A failure to resolve them stays
  // tRPC's to answer, as a context that could not be built.
  const context = (async () => {
    const user = await opts.user();
    const sessionId = opts.sessionId ? await opts.sessionId() : null;
    return createContext({
      user,
      sessionId,
      ip: opts.ip,
      db: opts.db,
      locale: await localeOf(user),
      renderBudget: opts.renderBudget?.(),
    });
  })();
  const locale = await context.then(
    (c) => c.locale,
    () => localeOf(null),
  );
  return inRequestLocale(locale, () =>
    fetchRequestHandler({
      endpoint: "/api/trpc",
      req: request,
      router: appRouter,
      maxBatchSize: MAX_BATCH_SIZE,
      createContext: () => context,
      responseMeta: () => ({ headers: NO_STORE }),
      onError({ error, path }) {
        // Never the input: it may hold personal data, and changing or resetting a password sends passwords.
        if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"} failed:`, error.cause ?? error);
      },
    }),
  );
}
