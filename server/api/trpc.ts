/**
 * tRPC in three sections: the context, the initialisation (transformer and the one error
 * formatter), and the procedures every router builds on.
 */
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import { can, type Permission } from "@/server/auth/permissions";
import type { SessionUser } from "@/server/auth/session";
import { getDb, type Db } from "@/server/db";
import type { Locale } from "@/db/schema/enums";
import { DomainError, forbidden, type DomainErrorCode, type MessageValues } from "@/server/errors";
import { refusalValues, translatedRefusal } from "@/server/i18n/refusals";
import { fieldMessageOf, fieldMessages } from "./field-messages";

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
};

/** Builds the context from a signed-in user (or none); used by the HTTP handler, RSC and tests. */
export function createContext(opts: {
  user: SessionUser | null;
  db?: Db;
  now?: () => Date;
  ip?: string | null;
  sessionId?: string | null;
  locale?: Locale;
}): Context {
  return {
    db: opts.db ?? getDb(),
    user: opts.user,
    now: opts.now ?? (() => new Date()),
    ip: opts.ip ?? null,
    // A session id without a signed-in user means nothing.
    sessionId: opts.user ? (opts.sessionId ?? null) : null,
    locale: opts.locale ?? "en",
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

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error, ctx }) {
    const locale = ctx?.locale ?? "en";
    // A zod error is the caller's input only when refused as such; an answer that failed its own
    // output schema is our fault (INTERNAL_SERVER_ERROR), not a field to fix.
    const cause = error.code === "BAD_REQUEST" || !(error.cause instanceof ZodError) ? error.cause : undefined;
    const fieldErrors = cause instanceof ZodError ? z.flattenError(cause).fieldErrors : null;
    // What the form shows beside each field: the sentence in the caller's language and its key,
    // never zod's developer text.
    const fieldKeys = cause instanceof ZodError ? fieldMessages(cause) : null;
    if (fieldKeys)
      for (const list of Object.values(fieldKeys))
        for (const m of list)
          m.text = translatedRefusal(locale, m.key, m.values) ?? translatedRefusal(locale, "errors.field.invalid")!;
    const named =
      cause instanceof DomainError
        ? cause.messageKey
          ? { key: cause.messageKey, values: refusalValues(cause, locale) }
          : null
        : cause instanceof ZodError
          ? issueMessage(cause)
          : null;
    const messageKey = named?.key ?? null;
    // The numbers or words the translated sentence names ("nested {found} levels; at most {max}").
    const messageValues = named?.values ?? null;
    // The message is the sentence the user reads, in their language, so the browser needs no refusal texts.
    const message =
      error.code === "INTERNAL_SERVER_ERROR"
        ? translatedRefusal(locale, "errors.internal")!
        : ((messageKey ? translatedRefusal(locale, messageKey, messageValues) : null) ??
          (fieldErrors ? translatedRefusal(locale, "errors.invalid") : null) ??
          shape.message);
    return {
      ...shape,
      message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        fieldErrors,
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
