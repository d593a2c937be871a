/**
 * tRPC in three sections: the context, the initialisation (transformer and the one error
 * formatter), and the procedures every router builds on.
 */
import { initTRPC, TRPCError, type TRPC_ERROR_CODE_KEY } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import { can, type Permission } from "@/server/auth/permissions";
import type { SessionUser } from "@/server/auth/session";
import { getDb, type Db } from "@/server/db";
import type { Locale } from "@/db/schema/enums";
import { DomainError, forbidden, type DomainErrorCode, type MessageValues } from "@/server/errors";
import { requestRenderBudget, type RequestRenderBudget } from "@/server/kb/markdown";
import { refusalValues, translatedRefusal } from "@/server/i18n/refusals";
import { domainFieldMessages, fieldMessageOf, fieldMessages } from "./field-messages";
import { requestLocaleOrNull } from "./request-locale";

// 1. Context ------------------------------------------------------------------------------------

export type Context = {
  db: Db;
  user: SessionUser | null;
  now: () => Date;
  ip: string | null;
  /** The id of the caller's own session (its row in `sessions`), when known; never sent to the browser. */
  sessionId: string | null;
  /** The caller's language (server/i18n/preferences.ts): refusals are sent translated into it. */
  locale: Locale;
  /**
   * The Markdown render time this request may still spend (server/kb/markdown.ts): one per
   * context, so the calls of an HTTP batch and the reads of a server-rendered page share it.
   */
  renderBudget: RequestRenderBudget;
};

/** Builds the context from a signed-in user (or none); used by the HTTP handler, RSC and tests. */
export function createContext(opts: {
  user: SessionUser | null;
  db?: Db;
  now?: () => Date;
  ip?: string | null;
  sessionId?: string | null;
  locale?: Locale;
  renderBudget?: RequestRenderBudget;
}): Context {
  return {
    db: opts.db ?? getDb(),
    user: opts.user,
    now: opts.now ?? (() => new Date()),
    ip: opts.ip ?? null,
    // A session id without a signed-in user means nothing.
    sessionId: opts.user ? (opts.sessionId ?? null) : null,
    locale: opts.locale ?? "en",
    renderBudget: opts.renderBudget ?? requestRenderBudget(),
  };
}

// 2. Initialisation -----------------------------------------------------------------------------

const DOMAIN_TO_TRPC: Record<DomainErrorCode, TRPCError["code"]> = {
  NOT_FOUND: "NOT_FOUND",
  FORBIDDEN: "FORBIDDEN",
  CONFLICT: "CONFLICT",
  INVALID: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
};

/**
 * A schema may name the translated sentence for its refusal (`.refine(check, { message, params:
 * { messageKey } })`), so that input the form cannot catch reads in the user's language too.
 */
function issueMessage(error: ZodError): { key: string; values: MessageValues | null } | null {
  const named = error.issues.find(
    (i) => i.code === "custom" && typeof (i.params as { messageKey?: unknown } | undefined)?.messageKey === "string",
  );
  if (!named) return null;
  const { key, values } = fieldMessageOf(named);
  return { key, values: values ?? null };
}

/**
 * What tRPC's own refusals of a request say (a body that is not JSON, superjson that does not
 * decode, a content type or method the procedure does not take, a procedure that does not exist):
 * what to do next, in the caller's language. tRPC's text ("Unexpected end of JSON input",
 * "Unsupported POST-request to query procedure ...") is written for developers and is never sent.
 */
const REQUEST_REFUSALS: Partial<Record<TRPC_ERROR_CODE_KEY, string>> = {
  PARSE_ERROR: "errors.request.unreadable",
  BAD_REQUEST: "errors.request.unreadable",
  UNSUPPORTED_MEDIA_TYPE: "errors.request.unreadable",
  METHOD_NOT_SUPPORTED: "errors.request.method",
  NOT_FOUND: "errors.request.unknown",
  PAYLOAD_TOO_LARGE: "errors.request.tooLarge",
  TOO_MANY_REQUESTS: "errors.request.tooMany",
  UNAUTHORIZED: "errors.unauthorized",
  FORBIDDEN: "errors.forbidden",
};

/** The message a refusal names: the domain's, the schema's own refinement's, or for tRPC's own refusals one by its code. */
function namedMessage(
  code: TRPC_ERROR_CODE_KEY,
  cause: unknown,
  locale: Locale,
): { key: string; values: MessageValues | null } | null {
  if (cause instanceof DomainError) return { key: cause.messageKey, values: refusalValues(cause, locale) };
  if (cause instanceof ZodError) return issueMessage(cause);
  if (code === "INTERNAL_SERVER_ERROR") return null;
  return { key: REQUEST_REFUSALS[code] ?? "errors.request.failed", values: null };
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error, ctx }) {
    // A request refused before its context was built (content type, batch size) has no ctx.
    const locale = ctx?.locale ?? requestLocaleOrNull() ?? "en";
    // A zod error is the caller's input only when refused as such; an answer that failed its own
    // output schema is our fault (INTERNAL_SERVER_ERROR), not a field to fix.
    const cause = error.code === "BAD_REQUEST" || !(error.cause instanceof ZodError) ? error.cause : undefined;
    // What the form shows beside each field: the sentence in the caller's language and its key,
    // never zod's developer text (which is why z.flattenError's messages are not sent at all). A
    // domain rule may refuse several fields at once (refuseFields), as zod does.
    const domainFields = cause instanceof DomainError ? (cause.fields ?? null) : null;
    const fieldKeys =
      cause instanceof ZodError ? fieldMessages(cause) : domainFields ? domainFieldMessages(domainFields) : null;
    if (fieldKeys)
      for (const list of Object.values(fieldKeys))
        for (const m of list)
          m.text = translatedRefusal(locale, m.key, m.values) ?? translatedRefusal(locale, "errors.field.invalid")!;
    const named = namedMessage(error.code, cause, locale);
    const messageKey = named?.key ?? null;
    // The numbers or words the translated sentence names ("nested {found} levels; at most {max}").
    const messageValues = named?.values ?? null;
    // The message is the sentence the user reads, in their language, so the browser needs no refusal
    // texts (every DomainError names its sentence's key).
    const message =
      error.code === "INTERNAL_SERVER_ERROR"
        ? translatedRefusal(locale, "errors.internal")!
        : ((messageKey ? translatedRefusal(locale, messageKey, messageValues) : null) ??
          (fieldKeys ? translatedRefusal(locale, "errors.form.invalid") : null) ??
          translatedRefusal(locale, "errors.request.failed")!);
    return {
      ...shape,
      message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        fieldKeys,
        messageKey,
        messageValues,
      },
    };
  },
});

/** Turns a DomainError thrown anywhere below a procedure into the matching tRPC error. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: DOMAIN_TO_TRPC[cause.code], message: cause.message, cause });
  }
  return result;
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

// 3. Procedures ---------------------------------------------------------------------------------

export const publicProcedure = t.procedure.use(domainErrors);

/** Any signed-in user; narrows `ctx.user` to non-null. */
export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new DomainError("UNAUTHORIZED", "Please sign in.", "errors.unauthorized");
  return next({ ctx: { ...ctx, user: ctx.user } });
});

/** Only the roles holding the permission (server/auth/permissions.ts); everybody else is refused before it runs. */
export function permittedProcedure(permission: Permission) {
  return authedProcedure.use(({ ctx, next }) => {
    if (!can(ctx.user, permission)) throw forbidden();
    return next();
  });
}

/** A customer acting for their own organization; the organization comes from the session only. */
export const customerProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== "customer" || ctx.user.organizationId === null) {
    throw new DomainError("FORBIDDEN", "This is for customer accounts.", "errors.customersOnly");
  }
  return next({ ctx: { ...ctx, organizationId: ctx.user.organizationId } });
});
