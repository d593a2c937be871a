import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { redirect } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { quarterWriter } from "@/components/format";
import { MeetingList } from "@/components/accounts/meeting-list";
import { MeetingRequestForm } from "@/components/accounts/meeting-request-form";
import { DeclaredSdksCard } from "@/components/accounts/declared-sdks-card";
import { AccountTeamCard, OrganizationSummary } from "@/components/accounts/organization-view";
import { Timeline, timelineLimit } from "@/components/accounts/timeline";
import { RouteMessages } from "@/components/i18n/route-messages";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { Refused } from "@/components/ui/refused";
import { serverCaller } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";
import { can } from "@/server/auth/permissions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pageTitles");
  const user = await getSessionUser();
  if (user?.role !== "customer" || user.organizationId === null) return { title: t("organizationUnnamed") };
  const org = await (
    await serverCaller()
  ).accounts
    .organization({ organizationId: user.organizationId })
    .catch(() => null);
  return { title: org ? t("organization", { name: org.name }) : t("organizationUnnamed") };
}

/** A customer's own organization: entitlements, account team, meetings, timeline and shared reviews. */
export default async function OwnOrganizationPage({ searchParams }: { searchParams: Promise<{ timeline?: string }> }) {
  const user = await getSessionUser();
  if (!user) redirect("/signin");
  if (user.role !== "customer" || user.organizationId === null) {
    if (user.role !== "customer") redirect("/organizations");
    return <Refused permission="organization.own" />;
  }
  const api = await serverCaller();
  const organizationId = user.organizationId;
  const allTimeline = (await searchParams).timeline === "all";
  const [org, timeline, requests, reviews, sdks] = await Promise.all([
    api.accounts.organization({ organizationId }),
    api.accounts.timeline({ organizationId, limit: timelineLimit(allTimeline) }),
    api.accounts.meetingRequests({}),
    api.reviews.list({}),
    api.advisories.declarations({ organizationId }),
  ]);
  const t = await getTranslations();
  const format = await getFormatter();
  const quarter = quarterWriter(await getLocale());
  return (
    <RouteMessages namespaces={["accounts.meetings", "accounts.sdks", "sdkPlatform"]}>
      <PageHeader title={org.name} description={t("accounts.org.customerSubtitle")}>
        {can(user, "people.own") ? (
          <Link href="/organization/people" className="text-sm font-medium text-brand-700 hover:underline">
            {t("people.title")}
          </Link>
        ) : null}
      </PageHeader>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <OrganizationSummary org={org} />
          <Timeline
            entries={timeline}
            showAll={allTimeline}
            allHref="/organization?timeline=all#timeline"
            timeZone={org.timeZone}
          />
        </div>
        <div className="min-w-0 space-y-6">
          <AccountTeamCard org={org} viewerIsCustomer />
          <DeclaredSdksCard
            organizationId={organizationId}
            declarations={sdks}
            canEdit={can(user, "organization.sdks")}
            viewerIsCustomer
          />
          {org.team.some((m) => m.role === "am") ? (
            <Card
              id="meeting"
              title={t("accounts.meetings.formTitle")}
              description={t("accounts.meetings.formDescription")}
            >
              <MeetingRequestForm />
              <h3 className="mt-6 text-sm font-semibold text-slate-900">{t("accounts.meetings.yours")}</h3>
              <MeetingList requests={requests} showOrganization={false} />
            </Card>
          ) : null}
          <Card id="reviews" title={t("reviews.title")}>
            {reviews.length === 0 ? (
              <p className="text-sm text-slate-600">{t("reviews.emptyCustomer")}</p>
            ) : (
              <ul className="divide-y divide-slate-100 text-sm">
                {reviews.map((r) => (
                  <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <Link href={`/reviews/${r.id}`} className="font-medium text-brand-700 hover:underline">
                      {t("reviews.reviewOf", { quarter: quarter(r.quarter) })}
                    </Link>
                    {r.status === "acknowledged" ? (
                      <Badge tone="green">{t("reviews.statuses.acknowledged")}</Badge>
                    ) : (
                      <Badge tone="amber">
                        {t("reviews.awaitingAck", {
                          date: format.dateTime(r.sharedAt ?? r.generatedAt, { dateStyle: "medium" }),
                        })}
                      </Badge>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      </div>
    </RouteMessages>
  );
}
