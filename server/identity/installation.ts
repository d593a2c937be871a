/**
 * What kind of installation this database is, and its one-time setup.
 *
 * - A demo database carries the `demo` fact (written by the demo seed): every page says so.
 * - A database without an active administrator needs setup: the first visit leads to /setup, which
 *   creates the first administrator when given the setup token. Only the token's SHA-256 is kept
 *   (`setup_token`); the server log is where the operator reads the token itself
 *   (`issueSetupToken`, called by `npm start` before serving and by each server process at start).
 */
import { and, eq, sql } from "drizzle-orm";
import { installation, users } from "@/db/schema";
import type { Locale } from "@/db/schema/enums";
import { recordAudit } from "@/server/audit/service";
import type { Db } from "@/server/db";
import { DomainError } from "@/server/errors";
import { hashPassword } from "@/server/auth/password";
import { passwordProblem } from "@/server/auth/password-policy";
import { hashToken, newToken } from "@/server/auth/tokens";

const DEMO = "demo";
const SETUP_TOKEN = "setup_token";
const SETUP_DONE = "setup_completed_at";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** Marks the database as holding the demo (the demo seed calls it in its transaction). */
export function markDemoDatabase(tx: Db | Tx, now: Date): void {
  tx.insert(installation)
    .values({ key: DEMO, value: "true", updatedAt: now })
    .onConflictDoUpdate({ target: installation.key, set: { value: "true", updatedAt: now } })
    .run();
}

const demoCache = new WeakMap<Db, { value: boolean; at: number }>();

/** True when the database holds the demo (read at most every 10 s per process). */
export function isDemoDatabase(db: Db): boolean {
  const cached = demoCache.get(db);
  if (cached && Date.now() - cached.at < 10_000) return cached.value;
  const value =
    db.select({ v: installation.value }).from(installation).where(eq(installation.key, DEMO)).get()?.v === "true";
  demoCache.set(db, { value, at: Date.now() });
  return value;
}

/** True while no active administrator exists: the installation must be set up at /setup. */
export function needsSetup(db: Db | Tx): boolean {
  return !db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.active, true)))
    .limit(1)
    .get();
}

/**
 * Makes sure a setup token stands while setup is needed. With `chosen` (the SETUP_TOKEN setting)
 * that token is the one; otherwise a new random one replaces any earlier one when `replace` is set
 * (npm start, before serving), or is written only when none stands (each server process at start,
 * so that of several processes one prints it). Returns the token to print, or null when there is
 * nothing to print (no setup needed, the operator chose it, or another process issued it).
 */
export function issueSetupToken(db: Db, now: Date, opts: { chosen?: string; replace?: boolean } = {}): string | null {
  return db.transaction(
    (tx) => {
      if (!needsSetup(tx)) {
        tx.delete(installation).where(eq(installation.key, SETUP_TOKEN)).run();
        return null;
      }
      if (opts.chosen) {
        const hash = hashToken(opts.chosen);
        tx.insert(installation)
          .values({ key: SETUP_TOKEN, value: hash, updatedAt: now })
          .onConflictDoUpdate({ target: installation.key, set: { value: hash, updatedAt: now } })
          .run();
        return null;
      }
      const { token, hash } = newToken();
      const insert = tx.insert(installation).values({ key: SETUP_TOKEN, value: hash, updatedAt: now });
      const written = opts.replace
        ? insert.onConflictDoUpdate({ target: installation.key, set: { value: hash, updatedAt: now } }).run()
        : insert.onConflictDoNothing().run();
      return written.changes > 0 ? token : null;
    },
    { behavior: "immediate" },
  );
}

export type SetupInput = {
  token: string;
  name: string;
  email: string;
  password: string;
  locale: Locale;
  timeZone: string;
};

/**
 * Creates the first administrator, once: the token must match the stored one and no active
 * administrator may exist yet (checked in the same IMMEDIATE transaction, so two tabs cannot both
 * succeed). The token is spent with it. Audited as `installation_setup`.
 */
export async function completeSetup(
  db: Db,
  input: SetupInput,
  now: Date,
  ip: string | null,
): Promise<{ userId: number }> {
  // The cheap refusals first: hashing a password is deliberately slow.
  if (!needsSetup(db)) throw new DomainError("FORBIDDEN", "Setup is already complete.", "errors.setup.done");
  const problem = passwordProblem(input.password, { email: input.email, name: input.name });
  if (problem) throw new DomainError("INVALID", "The password does not meet the rules.", `errors.password.${problem}`);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(
    (tx) => {
      const stored = tx
        .select({ v: installation.value })
        .from(installation)
        .where(eq(installation.key, SETUP_TOKEN))
        .get()?.v;
      if (!needsSetup(tx)) throw new DomainError("FORBIDDEN", "Setup is already complete.", "errors.setup.done");
      if (!stored || stored !== hashToken(input.token))
        throw new DomainError("FORBIDDEN", "The setup token is not right.", "errors.setup.token");
      const taken = tx
        .select({ id: users.id })
        .from(users)
        .where(eq(sql`lower(${users.email})`, input.email.toLowerCase()))
        .get();
      if (taken) throw new DomainError("CONFLICT", "That email address is already in use.", "errors.people.emailTaken");
      const user = tx
        .insert(users)
        .values({
          email: input.email.toLowerCase(),
          name: input.name,
          passwordHash,
          role: "admin",
          organizationId: null,
          locale: input.locale,
          timeZone: input.timeZone,
          createdAt: now,
        })
        .returning({ id: users.id })
        .get();
      tx.delete(installation).where(eq(installation.key, SETUP_TOKEN)).run();
      tx.insert(installation)
        .values({ key: SETUP_DONE, value: now.toISOString(), updatedAt: now })
        .onConflictDoUpdate({ target: installation.key, set: { value: now.toISOString(), updatedAt: now } })
        .run();
      recordAudit(tx, {
        actorId: user.id,
        action: "installation_setup",
        entity: "user",
        entityId: String(user.id),
        detail: { after: { email: input.email.toLowerCase(), name: input.name, role: "admin" } },
        at: now,
        ip,
      });
      return { userId: user.id };
    },
    { behavior: "immediate" },
  );
}
