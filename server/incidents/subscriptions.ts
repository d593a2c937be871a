/**
 * A customer user's subscription to incident and maintenance notices (decision 027): read with
 * their role's default when they never chose, and saved (audited) as they choose. Staff have none.
 */
import { eq } from "drizzle-orm";
import { incidentSubscriptions, users } from "@/db/schema";
import { recordAudit } from "@/server/audit/service";
import type { SessionUser } from "@/server/auth/session";
import type { Db } from "@/server/db";
import { DomainError, notFound } from "@/server/errors";
import { defaultSubscription, normalized, type Subscription } from "./subscription-rules";

export type { Subscription } from "./subscription-rules";

function customerRow(db: Pick<Db, "select">, user: SessionUser) {
  if (user.role !== "customer")
    throw new DomainError("FORBIDDEN", "You do not have permission to do this.", "errors.forbidden");
  const row = db.select({ orgAdmin: users.orgAdmin }).from(users).where(eq(users.id, user.id)).get();
  if (!row) throw notFound("User");
  return row;
}

/** The user's subscription and whether it is their role's default (never chosen). */
export function getSubscription(db: Db, user: SessionUser): Subscription & { isDefault: boolean } {
  const me = customerRow(db, user);
  const row = db.select().from(incidentSubscriptions).where(eq(incidentSubscriptions.userId, user.id)).get();
  if (!row) return { ...defaultSubscription(me.orgAdmin), isDefault: true };
  return {
    productAreas: row.productAreas,
    regions: row.regions,
    incidents: row.incidents,
    maintenance: row.maintenance,
    isDefault: false,
  };
}

/** Saves the user's own choice (replacing the default from then on), audited with before and after. */
export function saveSubscription(db: Db, user: SessionUser, input: Subscription, now: Date): void {
  const next = normalized(input);
  db.transaction(
    (tx) => {
      const me = customerRow(tx, user);
      const before =
        tx.select().from(incidentSubscriptions).where(eq(incidentSubscriptions.userId, user.id)).get() ??
        defaultSubscription(me.orgAdmin);
      tx.insert(incidentSubscriptions)
        .values({ userId: user.id, ...next, updatedAt: now })
        .onConflictDoUpdate({ target: incidentSubscriptions.userId, set: { ...next, updatedAt: now } })
        .run();
      recordAudit(tx, {
        actorId: user.id,
        action: "incident.subscribe",
        entity: "user",
        entityId: String(user.id),
        detail: {
          before: {
            productAreas: before.productAreas,
            regions: before.regions,
            incidents: before.incidents,
            maintenance: before.maintenance,
          },
          after: next,
        },
        at: now,
      });
    },
    { behavior: "immediate" },
  );
}
