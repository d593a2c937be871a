/**
 * A customer user's subscription to incident and maintenance notices (decision 027): read with
 * their role's default when they never chose, and saved (audited) as they choose. Staff have none.
 */
import { eq } from "drizzle-orm";
import { incidentSubscriptions, users } from "@/db/schema";
import { recordAudit } from "@/server/audit/service";
import type { SessionUser } from "@/server/auth/session";
import type { Db } from "@/server/db";
import { DomainError, notFound, refuseIf } from "@/server/errors";
import {
  defaultSubscription,
  isSubscribed,
  subscriptionRefusal,
  toStore,
  type Subscription,
} from "./subscription-rules";

export type { Subscription } from "./subscription-rules";

function customerRow(db: Pick<Db, "select">, user: SessionUser) {
  if (user.role !== "customer")
    throw new DomainError("FORBIDDEN", "You do not have permission to do this.", "errors.forbidden");
  const row = db.select({ orgAdmin: users.orgAdmin }).from(users).where(eq(users.id, user.id)).get();
  if (!row) throw notFound("User");
  return row;
}

/** The user's subscription, whether it is their role's default (never chosen) and whether it tells them anything. */
export function getSubscription(db: Db, user: SessionUser): Subscription & { isDefault: boolean; subscribed: boolean } {
  const me = customerRow(db, user);
  const row = db.select().from(incidentSubscriptions).where(eq(incidentSubscriptions.userId, user.id)).get();
  const sub: Subscription = row
    ? { productAreas: row.productAreas, regions: row.regions, incidents: row.incidents, maintenance: row.maintenance }
    : defaultSubscription(me.orgAdmin);
  return { ...sub, isDefault: !row, subscribed: isSubscribed(sub) };
}

/**
 * Saves the user's own choice (replacing the default from then on), audited with before and after.
 * No kind ticked is unsubscribing (stored as nothing, audited as incident.unsubscribe); a kind
 * without an area or a region is refused (subscriptionRefusal).
 */
export function saveSubscription(db: Db, user: SessionUser, input: Subscription, now: Date): void {
  refuseIf(subscriptionRefusal(input));
  const next = toStore(input);
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
        action: isSubscribed(next) ? "incident.subscribe" : "incident.unsubscribe",
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
