import { eq, sql } from "drizzle-orm";
import type { NextAuthOptions } from "next-auth";
import type { JWT } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { users } from "@/db/schema";
import { ROLES } from "@/db/schema/enums";
import { recordAudit } from "@/server/audit/service";
import { getDb, type Db } from "@/server/db";
import { env } from "@/server/env";
import { DEMO_PASSWORD } from "@/server/identity/demo";
import { organizationRequiresSso, ssoForEmail } from "@/server/identity/sso-lookup";
import { scheduleOutboxDelivery } from "@/server/notifications/mailer";
import { clientAddress } from "@/server/security/client-address";
import { safeRedirectUrl } from "./callback-url";
import { sessionCookies } from "./cookies";
import { hashPassword, verifyPassword } from "./password";
import { SESSION_MAX_AGE_S, type SessionClaim } from "./session-rules";
import { endSession, resolveSession, startSession, type SessionDetails } from "./sessions";
import type { SessionUser } from "./session";
import { minutesToWait } from "./throttle";
import { recordSignInSuccess, reserveSignInAttempt } from "./throttle-service";

const ZCredentials = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  password: z.string().min(1).max(1024),
});
const ZSessionUser = z.object({
  id: z.number().int(),
  role: z.enum(ROLES),
  organizationId: z.number().int().nullable(),
  name: z.string(),
  email: z.string(),
  orgAdmin: z.boolean().optional(),
});

/** Raised when sign-in is throttled; the message carries the minutes to wait for the form. */
export class SignInThrottledError extends Error {
  constructor(
    readonly retryAt: Date,
    now: Date,
  ) {
    super(`TooManyAttempts:${minutesToWait(retryAt, now)}`);
  }
}

/** Raised when the address belongs to an organization that signs in only through its identity provider. */
export class SsoRequiredError extends Error {
  constructor() {
    super("SsoRequired");
  }
}

let dummy: Promise<string> | null = null;
const dummyHash = () => (dummy ??= hashPassword(`no-such-account-${Math.random()}`));

/**
 * Checks an email and password; the same null for an unknown email and a wrong password.
 * The attempt is reserved against the shared sign-in limits before any password check
 * (throttle.ts), so parallel guesses in any number of server processes cannot pass a limit;
 * a refused attempt throws `SignInThrottledError` (audited once per window). Every checked
 * attempt is audited (success and failure, with the address, never the password). Customers of an
 * organization that requires single sign-on are refused with `SsoRequiredError`.
 */
export async function authenticate(
  raw: unknown,
  opts: { db?: Db; now?: Date; ip?: string | null } = {},
): Promise<SessionUser | null> {
  const db = opts.db ?? getDb();
  const now = opts.now ?? new Date();
  const ip = opts.ip ?? null;
  const parsed = ZCredentials.safeParse(raw);
  const email = parsed.success
    ? parsed.data.email
    : String((raw as { email?: unknown } | null)?.email ?? "")
        .trim()
        .toLowerCase()
        .slice(0, 320);
  const user = parsed.success
    ? db
        .select()
        .from(users)
        .where(eq(sql`lower(${users.email})`, parsed.data.email))
        .get()
    : undefined;
  const reservation = reserveSignInAttempt(db, {
    account: email,
    address: ip,
    now,
    owner: user?.active ? user : null,
  });
  if (reservation.mailQueued) scheduleOutboxDelivery(db, () => new Date());
  if (!reservation.allowed) throw new SignInThrottledError(reservation.retryAt, now);
  // An unknown email costs the same scrypt work as a known one, so timing does not tell which exist.
  const ok =
    parsed.success &&
    (await verifyPassword(parsed.data.password, user?.passwordHash ?? (await dummyHash()))) &&
    user?.active === true &&
    // A production installation never lets the demo's shared password in, whoever holds it.
    !(env.ATTAIN_MODE === "production" && parsed.data.password === DEMO_PASSWORD);
  // An organization that requires single sign-on refuses passwords: for any address in its
  // provider's domains (which tells nothing about accounts), and for its other customers only
  // once the password was right, so the refusal never tells which addresses have an account.
  const ssoRequired =
    parsed.success &&
    (ssoForEmail(db, parsed.data.email).required ||
      (ok && user?.role === "customer" && organizationRequiresSso(db, user.organizationId)));
  if (ssoRequired) {
    recordAudit(db, {
      actorId: ok && user ? user.id : null,
      action: "sign_in_failed",
      entity: "user",
      entityId: ok && user ? String(user.id) : null,
      detail: { email, reason: "sso_required" },
      at: now,
      ip,
    });
    throw new SsoRequiredError();
  }
  if (!ok || !user) {
    recordAudit(db, {
      actorId: user?.id ?? null,
      action: "sign_in_failed",
      entity: "user",
      entityId: user ? String(user.id) : null,
      detail: { email },
      at: now,
      ip,
    });
    return null;
  }
  db.transaction((tx) => {
    recordSignInSuccess(tx, email, ip, now);
    tx.update(users).set({ lastSignInAt: now }).where(eq(users.id, user.id)).run();
    recordAudit(tx, { actorId: user.id, action: "sign_in", entity: "user", entityId: String(user.id), at: now, ip });
  });
  return {
    id: user.id,
    role: user.role,
    organizationId: user.organizationId,
    name: user.name,
    email: user.email,
    orgAdmin: user.orgAdmin,
  };
}

/** What the session cookie (next-auth's JWT) claims, or null for a token without a server-side session. */
export function claimOf(token: JWT): SessionClaim | null {
  const user = ZSessionUser.safeParse(token.attain);
  const sessionId = token.sid;
  if (!user.success || typeof sessionId !== "string" || sessionId.length === 0) return null;
  return { sessionId, userId: user.data.id, role: user.data.role, organizationId: user.data.organizationId };
}

/** next-auth's request headers (a plain object) as Headers, for `clientAddress`. */
function headersOf(raw: Record<string, unknown> | undefined): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw ?? {})) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) headers.set(name, value.join(", "));
  }
  return headers;
}

const secureCookies = env.NEXTAUTH_URL?.startsWith("https://") ?? false;

/**
 * next-auth's configuration over a database and a clock (tests pass their own). The JWT cookie
 * names a row of `sessions` (decision 017): signing in starts one, every read of the session
 * checks it and the user (`resolveSession`), signing out ends it. A session that no longer stands
 * reads as signed out everywhere: `getSessionUser` returns null, pages send the visitor to the
 * sign-in page and tRPC answers UNAUTHORIZED.
 */
export function buildAuthOptions(deps: { db: () => Db; now: () => Date }): NextAuthOptions {
  return {
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: "/signin" },
    useSecureCookies: secureCookies,
    cookies: sessionCookies(secureCookies),
    providers: [
      CredentialsProvider({
        name: "email",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        async authorize(credentials, req) {
          const headers = headersOf(req?.headers);
          const ip = clientAddress(headers);
          const user = await authenticate(credentials, { db: deps.db(), now: deps.now(), ip });
          // Where the session starts, for the user's own list of sessions (the JWT callback starts it).
          const started: SessionDetails = { ip, userAgent: headers.get("user-agent"), method: "password" };
          return user ? { ...user, id: String(user.id), started } : null;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          const u = user as unknown as Omit<SessionUser, "id"> & { id: string };
          const attain = ZSessionUser.parse({ ...u, id: Number(u.id) });
          const started = (user as { started?: SessionDetails }).started;
          return { ...token, attain, sid: startSession(deps.db(), attain.id, deps.now(), started).id };
        }
        const claim = claimOf(token);
        const current = claim ? resolveSession(deps.db(), claim, deps.now()) : null;
        return current ? { ...token, attain: current } : { ...token, attain: null, sid: null };
      },
      session({ session, token }) {
        const parsed = ZSessionUser.safeParse(token.attain);
        return { ...session, attain: parsed.success ? parsed.data : null };
      },
      redirect({ url, baseUrl }) {
        return safeRedirectUrl(url, baseUrl);
      },
    },
    events: {
      signOut({ token }) {
        const sessionId = (token as JWT | null)?.sid;
        if (typeof sessionId === "string") endSession(deps.db(), sessionId, deps.now());
      },
    },
  };
}

export const authOptions: NextAuthOptions = buildAuthOptions({ db: getDb, now: () => new Date() });
