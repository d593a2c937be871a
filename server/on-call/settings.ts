/** On-call settings kept in the database (on_call_settings): the at-risk warning's share of time left. */
import { eq } from "drizzle-orm";
import { onCallSettings } from "@/db/schema";
import { recordAudit } from "@/server/audit/service";
import type { SessionUser } from "@/server/auth/session";
import type { Db } from "@/server/db";
import type { Reader } from "./load";

/** Warn when this share of a target's time is left, unless a manager set another. */
export const DEFAULT_AT_RISK_PERCENT = 25;
const KEY = "at_risk_percent";

/** The share of a target's time left (percent, 1..90) at which its at-risk warning is sent. */
export function atRiskPercent(db: Reader): number {
  const row = db.select().from(onCallSettings).where(eq(onCallSettings.key, KEY)).get();
  const n = row ? Number(row.value) : NaN;
  return Number.isInteger(n) && n >= 1 && n <= 90 ? n : DEFAULT_AT_RISK_PERCENT;
}

/** A manager sets the at-risk share (the input schema bounds it to 1..90). */
export function setAtRiskPercent(db: Db, actor: SessionUser, percent: number, now: Date): { percent: number } {
  return db.transaction((tx) => {
    const before = atRiskPercent(tx);
    tx.insert(onCallSettings)
      .values({ key: KEY, value: String(percent), updatedAt: now })
      .onConflictDoUpdate({ target: onCallSettings.key, set: { value: String(percent), updatedAt: now } })
      .run();
    recordAudit(tx, {
      actorId: actor.id,
      action: "oncall.settings",
      entity: "on_call_settings",
      entityId: KEY,
      detail: { before: { percent: before }, after: { percent } },
      at: now,
    });
    return { percent };
  });
}
