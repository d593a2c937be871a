import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getNow, getTranslations } from "next-intl/server";
import { EngagementForm } from "@/components/accounts/engagement-form";
import { FollowUpsCard } from "@/components/accounts/follow-ups-card";
import { HealthBadge, HealthFactors } from "@/components/accounts/health-card";
import { MeetingList } from "@/components/accounts/meeting-list";
import { DeclaredSdksCard } from "@/components/accounts/declared-sdks-card";
import { AccountTeamCard, OrganizationSummary } from "@/components/accounts/organization-view";
import { Timeline, timelineLimit } from "@/components/accounts/timeline";
import { RouteMessages } from "@/components/i18n/route-messages";
import { GenerateReviewForm } from "@/components/reviews/generate-form";
import { ReviewList } from "@/components/reviews/review-list";
import { Card, PageHeader } from "@/components/ui/card";
import { canReadHealth } from "@/server/accounts/access";
import { serverCaller } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";
import { completedQuarters } from "@/server/periods/periods";
import { can } from "@/server/auth/permissions";

/** The organization for this request (its title and its page read it once), or null when it does not exist. */
const load = cache(async (id: number) =>
  (await serverCaller()).accounts.organization({ organizationId: id }).catch(() => null),
);

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const id = Number((await params).id);
  const t = await getTranslations("pageTitles");
  if (!Number.isSafeInteger(id) || id <= 0) return { title: t("organizationUnnamed") };
  const org = await load(id);
  return { title: org ? t("organization", { name: org.name }) : t("organizationUnnamed") };
}

/** Any organization, for staff: what its customers see plus health, timeline editing, meetings and reviews. */
export default async function OrganizationPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ timeline?: string }>;
}) {
  const user = await getSessionUser();
  if (!user) redirect("/signin");
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  if (user.role === "customer") {
    if (user.organizationId === id) redirect("/organization");
    notFound();
  }
  const org = await load(id);
  if (!org) notFound();
  const api = await serverCaller();
  const allTimeline = (await searchParams).timeline === "all";
  const [timeline, health, requests, reviews, sdks] = await Promise.all([
    api.accounts.timeline({ organizationId: id, limit: timelineLimit(allTimeline) }),
    canReadHealth(user) ? api.accounts.health({ organizationId: id }) : Promise.resolve(null),
    can(user, "accounts.edit") ? api.accounts.meetingRequests({ organizationId: id }) : Promise.resolve(null),
    api.reviews.list({ organizationId: id }),
    api.advisories.declarations({ organizationId: id }),
  ]);
  const t = await getTranslations();
  const now = await getNow();
  return (
    <RouteMessages
      namespaces={[
        "accounts.followUps",
        "accounts.meetings",
        "accounts.sdks",
        "accounts.timeline",
        "reviews.generate",
        "sdkPlatform",
      ]}
    >
      <PageHeader title={org.name} description={t("accounts.org.staffSubtitle")}>
        <div className="flex flex-wrap items-center gap-3">
          {health ? <HealthBadge health={health} /> : null}
          {can(user, "people.customers") ? (
            <Link href={`/organizations/${id}/people`} className="text-sm font-medium text-brand-700 hover:underline">
              {t("people.title")}
            </Link>
          ) : null}
        </div>
      </PageHeader>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <OrganizationSummary org={org} />
          {health ? (
            <Card id="health" title={t("accounts.health.title")} description={t("accounts.health.description")}>
              <HealthFactors health={health} />
            </Card>
          ) : null}
          {can(user, "accounts.edit") ? <FollowUpsCard organizationId={org.id} /> : null}
          <Timeline
            entries={timeline}
            showAll={allTimeline}
            allHref={`/organizations/${id}?timeline=all#timeline`}
            timeZone={org.timeZone}
            actions={
              org.canManage ? (
                <EngagementForm organizationId={org.id} defaultDate={now.toISOString().slice(0, 10)} />
              ) : null
            }
          />
        </div>
        <div className="min-w-0 space-y-6">
          <AccountTeamCard org={org} viewerIsCustomer={false} />
          <DeclaredSdksCard
            organizationId={id}
            declarations={sdks}
            canEdit={can(user, "organization.sdks")}
            viewerIsCustomer={false}
          />
          {requests ? (
            <Card id="meetings" title={t("accounts.meetings.title")}>
              <MeetingList requests={requests} showOrganization={false} />
            </Card>
          ) : null}
          <Card id="reviews" title={t("reviews.title")}>
            {org.canManage ? (
              <div className="mb-4">
                <GenerateReviewForm
                  organizations={[{ id: org.id, name: org.name }]}
                  quarters={completedQuarters(now, 6)}
                />
              </div>
            ) : null}
            <ReviewList rows={reviews} showOrganization={false} compact />
          </Card>
        </div>
      </div>
    </RouteMessages>
  );
}
