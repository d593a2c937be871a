import { adminRouter } from "./routers/admin";
import { healthRouter } from "./routers/health";
import { homeRouter } from "./routers/home";
import { kbRouter } from "./routers/kb";
import { meRouter } from "./routers/me";
import { notificationsRouter } from "./routers/notifications";
import { ticketsRouter } from "./routers/tickets";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  health: healthRouter,
  me: meRouter,
  home: homeRouter,
  admin: adminRouter,
  tickets: ticketsRouter,
  kb: kbRouter,
  notifications: notificationsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
