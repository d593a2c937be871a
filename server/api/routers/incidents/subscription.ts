import { z } from "zod";
import { PRODUCT_AREAS } from "@/db/schema/enums";
import { getSubscription, saveSubscription } from "@/server/incidents/subscriptions";
import { permittedProcedure } from "../../trpc";
import { ZRegion } from "../../schemas";

const subscribers = permittedProcedure("incidents.subscribe");

const ZSubscription = z.object({
  productAreas: z.array(z.enum(PRODUCT_AREAS)).max(PRODUCT_AREAS.length),
  regions: z.array(ZRegion).max(3),
  incidents: z.boolean(),
  maintenance: z.boolean(),
});

/** As saved: whether it is the role's default, and whether it tells its holder anything (no kind ticked unsubscribes). */
const ZSaved = ZSubscription.extend({ isDefault: z.boolean(), subscribed: z.boolean() });

/** A customer's own subscription to incident and maintenance notices (decision 027). */
export const incidentSubscription = {
  subscription: subscribers
    .input(z.void())
    .output(ZSaved)
    .query(({ ctx }) => getSubscription(ctx.db, ctx.user)),
  subscribe: subscribers
    .input(ZSubscription)
    .output(ZSaved)
    .mutation(({ ctx, input }) => {
      saveSubscription(ctx.db, ctx.user, input, ctx.now());
      return getSubscription(ctx.db, ctx.user);
    }),
};
