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
import { DomainError, type DomainErrorCode } from "@/server/errors";
import { fieldMessages } from "./field-messages";

// 1. Context ------------------------------------------------------------------------------------

export type Context = {
  db: Db;
  user: SessionUser | null;
  now: () => Date;
  ip: string | null;
  /** The id of the caller's own session (its row in `sessions`), when known; never sent to the browser. */
  sessionId: string | null;
};

/** Builds the context from a signed-in user (or none); used by the HTTP handler, RSC and tests. */
export function createContext(opts: {
  user: SessionUser | null;
  db?: Db;
  now?: () => Date;
  ip?: string | null;
  sessionId?: string | null;
}): Context {
  return {
    db: opts.db ?? getDb(),
    user: opts.user,
    now: opts.now ?? (() => new Date()),
    ip: opts.ip ?? null,
    // A session id without a signed-in user means nothing.
    sessionId: opts.user ? (opts.sessionId ?? null) : null,
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
function issueMessageKey(error: ZodError): string | null {
  for (const issue of error.issues) {
    const key = issue.code === "custom" ? (issue.params as { messageKey?: unknown } | undefined)?.messageKey : null;
    if (typeof key === "string") return key;
  }
  return null;
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const fieldErrors = cause instanceof ZodError ? z.flattenError(cause).fieldErrors : null;
    // What the form shows beside each field: translation keys, never zod's developer text.
    const fieldKeys = cause instanceof ZodError ? fieldMessages(cause) : null;
    const messageKey =
      cause instanceof DomainError
        ? (cause.messageKey ?? null)
        : cause instanceof ZodError
          ? issueMessageKey(cause)
          : null;
    // The numbers or words the translated sentence names ("nested {found} levels; at most {max}").
    const messageValues = cause instanceof DomainError ? (cause.values ?? null) : null;
    const internal = error.code === "INTERNAL_SERVER_ERROR";
    return {
      ...shape,
      message: internal
        ? "Something went wrong on our side. Please try again."
        : fieldErrors
          ? "Some fields need your attention."
          : shape.message,
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
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in." });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

/** Only the roles holding the permission (server/auth/permissions.ts); everybody else is refused before it runs. */
export function permittedProcedure(permission: Permission) {
  return authedProcedure.use(({ ctx, next }) => {
    if (!can(ctx.user, permission)) {
      throw new TRPCError({ code: "FORBIDDEN", message: "You do not have permission to do this." });
    }
    return next();
  });
}

/** A customer acting for their own organization; the organization comes from the session only. */
export const customerProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== "customer" || ctx.user.organizationId === null) {
    throw new TRPCError({ code: "FORBIDDEN", message: "This is for customer accounts." });
  }
  return next({ ctx: { ...ctx, organizationId: ctx.user.organizationId } });
});
