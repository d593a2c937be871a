import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { redirect } from "next/navigation";
import { getNow, getTranslations } from "next-intl/server";
import { GenerateReviewForm } from "@/components/reviews/generate-form";
import { ReviewList } from "@/components/reviews/review-list";
import { Card, PageHeader } from "@/components/ui/card";
import { serverCaller } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";
import { completedQuarters } from "@/server/periods/periods";
import { can } from "@/server/auth/permissions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("serviceReviews") };
}

/** Quarterly service reviews: customers their organization's shared ones; staff all, account managers their portfolio first. */
export default async function ReviewsPage({ searchParams }: { searchParams: Promise<{ all?: string }> }) {
  const user = await getSessionUser();
  if (!user) redirect("/signin");
  const sp = await searchParams;
  const api = await serverCaller();
  const t = await getTranslations("reviews");
  const isCustomer = user.role === "customer";
  const mine = user.role === "account_manager" && sp.all !== "1";
  const rows = await api.reviews.list({ mine: mine || undefined });
  const canGenerate = can(user, "accounts.edit");
  const organizations = !canGenerate
    ? []
    : user.role === "account_manager"
      ? // An account manager's portfolio is tens of organizations; 200 is the most one page holds.
        (await api.accounts.portfolio({ sort: "name", pageSize: 200 })).items.map((o) => ({ id: o.id, name: o.name }))
      : (await api.accounts.organizations({})).map((o) => ({ id: o.id, name: o.name }));
  const now = await getNow();
  return (
    <>
      <PageHeader title={t("title")} description={isCustomer ? t("subtitleCustomer") : t("subtitleStaff")}>
        {user.role === "account_manager" ? (
          <Link
            href={mine ? "/reviews?all=1" : "/reviews"}
            className="text-sm font-medium text-brand-700 hover:underline"
          >
            {mine ? t("showAll") : t("showMine")}
          </Link>
        ) : null}
      </PageHeader>
      <div className="space-y-6">
        {canGenerate && organizations.length > 0 ? (
          <Card id="generate" title={t("generate.title")} description={t("generate.description")}>
            <GenerateReviewForm organizations={organizations} quarters={completedQuarters(now, 6)} />
          </Card>
        ) : null}
        <Card>
          <ReviewList rows={rows} showOrganization={!isCustomer} />
        </Card>
      </div>
    </>
  );
}
