import { eq, sql } from "drizzle-orm";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { users } from "@/db/schema";
import { ROLES } from "@/db/schema/enums";
import { getDb, type Db } from "@/server/db";
import { env } from "@/server/env";
import { clientAddress } from "@/server/security/client-address";
import { recordAudit } from "@/server/audit/service";
import { sessionCookies } from "./cookies";
import { hashPassword, verifyPassword } from "./password";
import type { SessionUser } from "./session";
import { SignInThrottle } from "./throttle";

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
});

/** Raised when sign-in is throttled; the message carries the minutes to wait for the form. */
export class SignInThrottledError extends Error {
  constructor(
    readonly retryAt: Date,
    now: Date,
  ) {
    super(`TooManyAttempts:${Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60_000))}`);
  }
}

let dummy: Promise<string> | null = null;
const dummyHash = () => (dummy ??= hashPassword(`no-such-account-${Math.random()}`));

const globalForThrottle = globalThis as unknown as { attainSignInThrottle?: SignInThrottle };
const signInThrottle = (globalForThrottle.attainSignInThrottle ??= new SignInThrottle());

/**
 * Checks an email and password; the same null for an unknown email and a wrong password.
 * Every attempt is audited (success and failure, with the address, never the password), and
 * too many failures for one account or from one address throw `SignInThrottledError` (audited
 * once per window, so a flood of refused attempts cannot flood the log).
 */
export async function authenticate(
  raw: unknown,
  opts: { db?: Db; now?: Date; ip?: string | null; throttle?: SignInThrottle } = {},
): Promise<SessionUser | null> {
  const db = opts.db ?? getDb();
  const now = opts.now ?? new Date();
  const ip = opts.ip ?? null;
  const throttle = opts.throttle ?? signInThrottle;
  const parsed = ZCredentials.safeParse(raw);
  const email = parsed.success
    ? parsed.data.email
    : String((raw as { email?: unknown } | null)?.email ?? "")
        .trim()
        .toLowerCase()
        .slice(0, 320);
  const blockedUntil = throttle.blockedUntil(email, ip, now);
  if (blockedUntil) {
    if (throttle.shouldAuditRefusal(email, ip, now))
      recordAudit(db, { actorId: null, action: "sign_in_throttled", entity: "user", detail: { email }, at: now, ip });
    throw new SignInThrottledError(blockedUntil, now);
  }
  const user = parsed.success
    ? db
        .select()
        .from(users)
        .where(eq(sql`lower(${users.email})`, parsed.data.email))
        .get()
    : undefined;
  // An unknown email costs the same scrypt work as a known one, so timing does not tell which exist.
  const ok =
    parsed.success &&
    (await verifyPassword(parsed.data.password, user?.passwordHash ?? (await dummyHash()))) &&
    user?.active === true;
  if (!ok || !user) {
    throttle.recordFailure(email, ip, now);
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
  throttle.recordSuccess(email);
  db.transaction((tx) => {
    tx.update(users).set({ lastSignInAt: now }).where(eq(users.id, user.id)).run();
    recordAudit(tx, { actorId: user.id, action: "sign_in", entity: "user", entityId: String(user.id), at: now, ip });
  });
  return { id: user.id, role: user.role, organizationId: user.organizationId, name: user.name, email: user.email };
}

const secureCookies = env.NEXTAUTH_URL?.startsWith("https://") ?? false;

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 60 * 60 * 12 },
  pages: { signIn: "/signin" },
  useSecureCookies: secureCookies,
  cookies: sessionCookies(secureCookies),
  providers: [
    CredentialsProvider({
      name: "email",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const user = await authenticate(credentials, {
          ip: clientAddress(new Headers(req.headers as Record<string, string>)),
        });
        return user ? { ...user, id: String(user.id) } : null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const u = user as unknown as Omit<SessionUser, "id"> & { id: string };
        token.attain = { ...u, id: Number(u.id) };
      }
      return token;
    },
    session({ session, token }) {
      const parsed = ZSessionUser.safeParse(token.attain);
      return { ...session, attain: parsed.success ? parsed.data : null };
    },
  },
};
