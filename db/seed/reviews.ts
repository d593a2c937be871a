/**
 * Demo service reviews: for every organization with an account manager, the reviews of the two
 * quarters before the last one, shared and acknowledged, with a narrative and action items (some
 * still open, so they carry into the next review the account manager generates). The last ended
 * quarter is left for the account manager to generate. Deterministic for a given anchor.
 */
import { eq, isNotNull } from "drizzle-orm";
import type { Db } from "@/server/db";
import { buildSnapshot } from "@/server/reviews/service";
import { previousQuarter, quarterOf, quarterPeriod } from "@/server/periods/periods";
import { actionItems, meetingRequests, organizations, reviews, users } from "../schema";

const DAY = 86_400_000;

const ITEMS = [
  { title: "Upgrade the Android SDK to the supported release", side: "customer", owner: "Engineering lead" },
  { title: "Share a capacity plan for the next product launch", side: "customer", owner: "Product manager" },
  {
    title: "Deliver a best-practices session on weak-network handling",
    side: "vendor",
    owner: "Technical account manager",
  },
  { title: "Review alert thresholds for live streaming traffic", side: "vendor", owner: "Customer success manager" },
] as const;

export function seedReviews(db: Db, opts: { anchor: Date }): { reviews: number } {
  const lastEnded = previousQuarter(quarterOf(opts.anchor));
  const quarters = [previousQuarter(previousQuarter(lastEnded)), previousQuarter(lastEnded)];
  const orgs = db
    .select({ id: organizations.id, am: organizations.accountManagerId })
    .from(organizations)
    .where(isNotNull(organizations.accountManagerId))
    .orderBy(organizations.id)
    .all();
  let count = 0;
  for (const org of orgs) {
    const customer = db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.organizationId, org.id))
      .orderBy(users.id)
      .limit(1)
      .get();
    quarters.forEach((quarter, qi) => {
      const end = quarterPeriod(quarter).to;
      const generatedAt = new Date(end.getTime() + 7 * DAY);
      const review = db
        .insert(reviews)
        .values({
          organizationId: org.id,
          quarter,
          status: "acknowledged",
          snapshot: buildSnapshot(db, org.id, quarter, generatedAt),
          narrative: `Quarter ${quarter} in review: support volume and response times were discussed with the team. We agreed on the actions below to keep the integration healthy ahead of the next launch.`,
          generatedAt,
          generatedById: org.am,
          sharedAt: new Date(generatedAt.getTime() + 3 * DAY),
          acknowledgedAt: new Date(generatedAt.getTime() + 5 * DAY),
          acknowledgedById: customer?.id ?? null,
        })
        .returning({ id: reviews.id })
        .get();
      count++;
      // The older review's items are done; the newer one leaves two open to carry over.
      ITEMS.forEach((item, i) => {
        const due = new Date(end.getTime() + (30 + i * 15) * DAY).toISOString().slice(0, 10);
        db.insert(actionItems)
          .values({
            reviewId: review.id,
            title: item.title,
            side: item.side,
            owner: item.owner,
            dueDate: due,
            status: qi === 0 || i % 2 === 1 ? "done" : i === 0 ? "in_progress" : "open",
          })
          .run();
      });
    });
  }
  // One meeting request waiting in Nimbus Live's account manager's inbox.
  const nimbus = orgs[0];
  const requester = nimbus
    ? db.select({ id: users.id }).from(users).where(eq(users.email, "cto@nimbus.example")).get()
    : undefined;
  if (nimbus && requester) {
    db.insert(meetingRequests)
      .values({
        organizationId: nimbus.id,
        requestedById: requester.id,
        topic: "Roadmap for the conversational AI SDK",
        preferredTimes: "Tuesday or Thursday morning, Pacific time",
        channel: "video",
        createdAt: new Date(opts.anchor.getTime() - 2 * DAY),
      })
      .run();
  }
  return { reviews: count };
}
