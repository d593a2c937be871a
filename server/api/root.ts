import { accountsRouter } from "./routers/accounts";
import { adminRouter } from "./routers/admin";
import { alertsRouter } from "./routers/alerts";
import { attachmentsRouter } from "./routers/attachments";
import { auditRouter } from "./routers/audit";
import { emailRouter } from "./routers/email";
import { availabilityRouter } from "./routers/availability";
import { healthRouter } from "./routers/health";
import { homeRouter } from "./routers/home";
import { incidentsRouter } from "./routers/incidents";
import { installationRouter } from "./routers/installation";
import { kbRouter } from "./routers/kb";
import { advisoriesRouter } from "./routers/advisories";
import { knownIssuesRouter } from "./routers/known-issues";
import { lifecycleRouter } from "./routers/lifecycle";
import { requestsRouter } from "./routers/requests";
import { macrosRouter } from "./routers/macros";
import { meRouter } from "./routers/me";
import { notificationsRouter } from "./routers/notifications";
import { onCallRouter } from "./routers/on-call";
import { webhooksRouter } from "./routers/webhooks";
import { monitoringRouter } from "./routers/monitoring";
import { passwordResetRouter } from "./routers/password-reset";
import { emailChangeRouter } from "./routers/email-change";
import { organizationsRouter } from "./routers/organizations";
import { peopleRouter } from "./routers/people";
import { reviewsRouter } from "./routers/reviews";
import { slaRouter } from "./routers/sla";
import { ssoRouter } from "./routers/sso";
import { ticketsRouter } from "./routers/tickets";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  health: healthRouter,
  me: meRouter,
  passwordReset: passwordResetRouter,
  emailChange: emailChangeRouter,
  home: homeRouter,
  admin: adminRouter,
  tickets: ticketsRouter,
  macros: macrosRouter,
  attachments: attachmentsRouter,
  kb: kbRouter,
  lifecycle: lifecycleRouter,
  knownIssues: knownIssuesRouter,
  advisories: advisoriesRouter,
  requests: requestsRouter,
  notifications: notificationsRouter,
  accounts: accountsRouter,
  organizations: organizationsRouter,
  reviews: reviewsRouter,
  incidents: incidentsRouter,
  availability: availabilityRouter,
  alerts: alertsRouter,
  sla: slaRouter,
  audit: auditRouter,
  people: peopleRouter,
  installation: installationRouter,
  sso: ssoRouter,
  onCall: onCallRouter,
  webhooks: webhooksRouter,
  monitoring: monitoringRouter,
  email: emailRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
