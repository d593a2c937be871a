/**
 * Who hears about an incident (decision 027): a customer user's subscription, or their role's default
 * when they never chose; whether a subscription covers an incident; when maintenance is reminded.
 * Pure: no database, no clock.
 */
import { PRODUCT_AREAS, REGIONS, type ProductArea, type Region } from "@/db/schema/enums";
import { MAINTENANCE_NOTICE_MS } from "@/server/availability/availability";

export type Subscription = {
  productAreas: ProductArea[];
  regions: Region[];
  incidents: boolean;
  maintenance: boolean;
};

/** The reminder of planned maintenance goes out this long before it starts. */
export const REMINDER_BEFORE_MS = 60 * 60_000;

/**
 * A customer's subscription when they have not chosen: a customer administrator (users.org_admin)
 * hears about every product area and region, incidents and maintenance; a member hears nothing
 * until they opt in (the status page and the account page offer it).
 */
export function defaultSubscription(orgAdmin: boolean): Subscription {
  return orgAdmin
    ? { productAreas: [...PRODUCT_AREAS], regions: [...REGIONS], incidents: true, maintenance: true }
    : { productAreas: [], regions: [], incidents: false, maintenance: false };
}

/** Whether a subscription asks for notices of this incident (its kind, its product area, one of its regions). */
export function covers(
  sub: Subscription,
  incident: { planned: boolean; productArea: ProductArea; regions: readonly Region[] },
): boolean {
  if (!(incident.planned ? sub.maintenance : sub.incidents)) return false;
  if (!sub.productAreas.includes(incident.productArea)) return false;
  return incident.regions.some((r) => sub.regions.includes(r));
}

/**
 * Whether maintenance declared at `now` gives less than the notice the availability rule asks for
 * (72 hours): it is still announced, but flagged, and counts as downtime.
 */
export function shortNotice(startedAt: Date, now: Date): boolean {
  return startedAt.getTime() - now.getTime() < MAINTENANCE_NOTICE_MS;
}

/** When the one-hour reminder of maintenance starting at `startedAt` is due. */
export const reminderDueAt = (startedAt: Date): Date => new Date(startedAt.getTime() - REMINDER_BEFORE_MS);

/** Whether a subscription tells its holder anything: a kind, a product area and a region. */
export function isSubscribed(sub: Subscription): boolean {
  return (sub.incidents || sub.maintenance) && sub.productAreas.length > 0 && sub.regions.length > 0;
}

/** Unsubscribed: no kind, no area, no region. */
export const NO_SUBSCRIPTION: Subscription = { productAreas: [], regions: [], incidents: false, maintenance: false };

/**
 * Why a chosen subscription cannot be saved, or null. Ticking neither incidents nor maintenance is
 * unsubscribing (as a status page's "unsubscribe" is; `toStore` clears the rest); a kind without
 * a product area or a region would tell nobody anything while reading as subscribed, so it is refused
 * with what to choose (a save of nothing once said "Your subscription is saved.").
 */
export function subscriptionRefusal(sub: Subscription): { messageKey: string; message: string } | null {
  if (!sub.incidents && !sub.maintenance) return null;
  if (sub.productAreas.length > 0 && sub.regions.length > 0) return null;
  return {
    messageKey: "incidents.errors.subscriptionScope",
    message:
      "Choose at least one product area and one region to be told about, or untick incidents and maintenance to unsubscribe.",
  };
}

/** What a saved choice stores: the choice, or nothing at all when it asks for no kind (unsubscribing). */
export function toStore(sub: Subscription): Subscription {
  return sub.incidents || sub.maintenance ? normalized(sub) : NO_SUBSCRIPTION;
}

/** A subscription as stored: areas and regions without duplicates, in their canonical order. */
export function normalized(sub: Subscription): Subscription {
  return {
    productAreas: PRODUCT_AREAS.filter((a) => sub.productAreas.includes(a)),
    regions: REGIONS.filter((r) => sub.regions.includes(r)),
    incidents: sub.incidents,
    maintenance: sub.maintenance,
  };
}
