import { relations } from "drizzle-orm";
import { organizations, users } from "./organizations";
import { calendars, holidays, targets, targetVersions, tiers } from "./sla";
import { comments, ticketEvents, tickets } from "./tickets";

export const organizationsRelations = relations(organizations, ({ one, many }) => ({
  tier: one(tiers, { fields: [organizations.tierId], references: [tiers.id] }),
  calendar: one(calendars, { fields: [organizations.calendarId], references: [calendars.id] }),
  users: many(users),
}));

export const usersRelations = relations(users, ({ one }) => ({
  organization: one(organizations, { fields: [users.organizationId], references: [organizations.id] }),
}));

export const calendarsRelations = relations(calendars, ({ many }) => ({ holidays: many(holidays) }));
export const holidaysRelations = relations(holidays, ({ one }) => ({
  calendar: one(calendars, { fields: [holidays.calendarId], references: [calendars.id] }),
}));
export const targetVersionsRelations = relations(targetVersions, ({ many }) => ({ targets: many(targets) }));
export const targetsRelations = relations(targets, ({ one }) => ({
  version: one(targetVersions, { fields: [targets.versionId], references: [targetVersions.id] }),
}));
export const ticketsRelations = relations(tickets, ({ many }) => ({
  events: many(ticketEvents),
  comments: many(comments),
}));
export const ticketEventsRelations = relations(ticketEvents, ({ one }) => ({
  ticket: one(tickets, { fields: [ticketEvents.ticketId], references: [tickets.id] }),
}));
export const commentsRelations = relations(comments, ({ one }) => ({
  ticket: one(tickets, { fields: [comments.ticketId], references: [tickets.id] }),
}));
