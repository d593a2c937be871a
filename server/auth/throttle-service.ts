import { and, gte, inArray, lt, or, sql } from "drizzle-orm";
import { createTranslator } from "next-intl";
import { outbox, rateCounters } from "@/db/schema";
import type { Locale } from "@/db/schema/enums";
import { recordAudit } from "@/server/audit/service";
import type { Db } from "@/server/db";
import en from "@/server/i18n/messages/en.json";
import zh from "@/server/i18n/messages/zh.json";
import {
  afterSignIn,
  allSignInKeys,
  reserveSignIn,
  SIGN_IN_KEY_PREFIX,
  SIGN_IN_RULES,
  signInKeys,
  type Counter,
  type CounterWrites,
  type Reservation,
  type ThrottleRules,
} from "./throttle";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** The account's owner, told by email when their account is locked. */
export type AccountOwner = { email: string; name: string; locale: Locale | null; timeZone: string };

function loadCounters(tx: Tx, keys: string[]): Map<string, Counter> {
  const rows = tx.select().from(rateCounters).where(inArray(rateCounters.key, keys)).all();
  return new Map(rows.map((r) => [r.key, r]));
}

function storeCounters(tx: Tx, writes: CounterWrites): void {
  for (const [key, c] of writes) {
    if (c === null) {
      tx.delete(rateCounters)
        .where(sql`${rateCounters.key} = ${key}`)
        .run();
      continue;
    }
    tx.insert(rateCounters)
      .values({ key, ...c })
      .onConflictDoUpdate({
        target: rateCounters.key,
        set: { windowStart: c.windowStart, count: c.count, strikes: c.strikes, blockedUntil: c.blockedUntil },
      })
      .run();
  }
}

/**
 * The email that tells an owner their account is locked, in their language and time zone: when,
 * how many attempts, until when, and what to do (wait, or sign in from a familiar network; if it
 * was not them, nothing got in).
 */
export function lockMail(
  owner: AccountOwner,
  lock: { until: Date; attempts: number },
  now: Date,
  rules: ThrottleRules = SIGN_IN_RULES,
): { subject: string; body: string } {
  const locale = owner.locale ?? "en";
  const t = createTranslator({
    locale,
    messages: locale === "zh" ? zh : en,
    namespace: "security.lockMail",
  });
  let timeZone = owner.timeZone;
  try {
    new Intl.DateTimeFormat("en", { timeZone });
  } catch {
    timeZone = "UTC";
  }
  const format = new Intl.DateTimeFormat(locale === "zh" ? "zh-CN" : "en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone,
  });
  const values = {
    name: owner.name,
    email: owner.email,
    attempts: lock.attempts,
    minutes: Math.round(rules.account.windowMs / 60_000),
    at: format.format(now),
    until: format.format(lock.until),
    timeZone,
    days: Math.round(rules.knownAddressMs / 86_400_000),
  };
  return { subject: t("subject"), body: t("body", values) };
}

/**
 * Reserves one sign-in attempt before the password is checked (see throttle.ts), in one
 * IMMEDIATE transaction, so that parallel attempts in any number of server processes are counted
 * one after another. A refusal is audited once per window; a lock of the whole account queues
 * one email to its owner (when the account exists). Returns the decision, and whether mail was
 * queued (the caller starts delivery after this has committed).
 */
export function reserveSignInAttempt(
  db: Db,
  attempt: { account: string; address: string | null; now: Date; owner: AccountOwner | null },
): Reservation & { mailQueued: boolean } {
  const { account, address, now, owner } = attempt;
  return db.transaction(
    (tx) => {
      const state = loadCounters(tx, allSignInKeys(signInKeys(account, address)));
      const decision = reserveSignIn(state, account, address, now);
      storeCounters(tx, decision.writes);
      let mailQueued = false;
      if (!decision.allowed) {
        if (decision.audit)
          recordAudit(tx, {
            actorId: null,
            action: "sign_in_throttled",
            entity: "user",
            detail: { email: account },
            at: now,
            ip: address,
          });
        if (decision.accountLock && owner) {
          const mail = lockMail(owner, decision.accountLock, now);
          tx.insert(outbox).values({ to: owner.email, subject: mail.subject, body: mail.body, createdAt: now }).run();
          mailQueued = true;
        }
      }
      pruneSignInCounters(tx, now);
      return { ...decision, mailQueued };
    },
    { behavior: "immediate" },
  );
}

/** After a successful sign-in (in the caller's transaction): see `afterSignIn`. */
export function recordSignInSuccess(tx: Tx, account: string, address: string | null, now: Date): void {
  const keys = allSignInKeys(signInKeys(account, address));
  storeCounters(tx, afterSignIn(loadCounters(tx, keys), account, address, now));
}

const PRUNE_EVERY_MS = 10 * 60_000;
let lastPrune = 0;

/**
 * Deletes sign-in counters that no longer matter (no attempt and no lock for a day, familiar
 * addresses after their 30 days), at most every ten minutes per process, so the table stays
 * small whatever addresses and emails are tried. Only this module's keys: the table is shared.
 */
export function pruneSignInCounters(tx: Tx, now: Date, force = false): number {
  if (!force && Math.abs(now.getTime() - lastPrune) < PRUNE_EVERY_MS) return 0;
  lastPrune = now.getTime();
  const stale = new Date(now.getTime() - (SIGN_IN_RULES.account.windowMs + SIGN_IN_RULES.account.forgetMs));
  const unfamiliar = new Date(now.getTime() - SIGN_IN_RULES.knownAddressMs);
  const prefix = SIGN_IN_KEY_PREFIX.slice(0, -1);
  const knownPrefix = `${SIGN_IN_KEY_PREFIX}known`;
  // `key >= "p:" and key < "p;"` is every key starting with "p:" (";" follows ":"), on the primary key.
  const inRange = (p: string) => and(gte(rateCounters.key, `${p}:`), lt(rateCounters.key, `${p};`));
  return tx
    .delete(rateCounters)
    .where(
      and(
        inRange(prefix),
        or(
          and(inRange(knownPrefix), lt(rateCounters.windowStart, unfamiliar)),
          and(
            sql`not (${inRange(knownPrefix)})`,
            sql`max(${rateCounters.windowStart}, coalesce(${rateCounters.blockedUntil}, 0)) < ${stale.getTime()}`,
          ),
        ),
      ),
    )
    .run().changes;
}
