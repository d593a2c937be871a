import type { Metadata } from "next";
import { getFormatter, getLocale, getNow, getTimeZone, getTranslations } from "next-intl/server";
import { zoneName } from "@/components/format";
import { MarkAllRead } from "@/components/notifications/mark-all-read";
import { MarkRead, NotificationLink } from "@/components/notifications/notification-link";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { NOTIFICATION_KINDS } from "@/db/schema/enums";
import { serverCaller } from "@/server/api/rsc";
import { shownSubject } from "@/server/tickets/subject";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("notifications") };
}
/** Where an account notification (no ticket attached) leads. */
const ACCOUNT_LINKS: Record<string, string> = {
  meeting_requested: "/portfolio",
  meeting_scheduled: "/organization",
  meeting_declined: "/organization",
  review_shared: "/reviews",
  security_advisory: "/advisories",
  incident_declared: "/status",
  incident_updated: "/status",
  maintenance_announced: "/status",
  maintenance_updated: "/status",
  maintenance_reminder: "/status",
};

export default async function NotificationsPage() {
  const api = await serverCaller();
  const { items, unread } = await api.notifications.list({ limit: 100 });
  const t = await getTranslations("notifications");
  const format = await getFormatter();
  const tc = await getTranslations("common");
  const tt = await getTranslations("tickets");
  const zone = zoneName(await getLocale(), await getTimeZone(), await getNow());
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={t("title")} description={t("subtitle")}>
        {unread > 0 ? <MarkAllRead label={t("markAllRead")} /> : null}
      </PageHeader>
      <Card>
        {items.length === 0 ? (
          <p className="py-6 text-center text-sm text-slate-600">{t("empty")}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {items.map((n) => (
              <li key={n.id} className="flex flex-wrap items-center justify-between gap-2 py-3 text-sm">
                <div>
                  <p className="font-medium text-slate-900">
                    {(NOTIFICATION_KINDS as readonly string[]).includes(n.kind)
                      ? t(`kinds.${n.kind}` as "kinds.reply")
                      : n.kind}{" "}
                    {n.readAt ? null : <Badge tone="brand">{t("unread")}</Badge>}
                  </p>
                  {n.ticketId ? (
                    <NotificationLink id={n.id} href={`/tickets/${n.ticketId}`} unread={!n.readAt}>
                      #{n.ticketId} {shownSubject(n.subject ?? "", tt("placeholders.noSubject"))}
                    </NotificationLink>
                  ) : n.incidentId ? (
                    <NotificationLink id={n.id} href={`/incidents/${n.incidentId}`} unread={!n.readAt}>
                      {n.subject ?? t("openLink")}
                    </NotificationLink>
                  ) : n.kind in ACCOUNT_LINKS ? (
                    <NotificationLink id={n.id} href={ACCOUNT_LINKS[n.kind]!} unread={!n.readAt}>
                      {t("openLink")}
                    </NotificationLink>
                  ) : null}
                </div>
                <div className="flex items-center gap-3">
                  <time dateTime={n.createdAt.toISOString()} className="text-xs text-slate-500">
                    {format.dateTime(n.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                  </time>
                  {n.readAt ? null : <MarkRead id={n.id} label={t("markRead")} />}
                </div>
              </li>
            ))}
          </ul>
        )}
        {items.length > 0 ? <p className="mt-3 text-xs text-slate-500">{tc("timeZoneNote", { zone })}</p> : null}
      </Card>
    </div>
  );
}
