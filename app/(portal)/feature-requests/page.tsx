import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { FeatureList } from "@/components/requests/feature-list";
import { PageHeader } from "@/components/ui/card";
import { Refused } from "@/components/ui/refused";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";
import { can } from "@/server/auth/permissions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("roadmap"))("listTitle") };
}

/** Feature requests, signed in: customers vote and see their own; staff open any to set its status. */
export default async function FeatureRequestsPage() {
  const user = await getSessionUser();
  if (!can(user, "features.read")) return <Refused permission="features.read" />;
  const t = await getTranslations("roadmap");
  await getQueryClient().prefetchQuery(trpc.requests.list.queryOptions());
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader title={t("listTitle")} description={t("listSubtitle")}>
        <div className="flex flex-wrap gap-3 text-sm font-medium">
          <Link href="/roadmap" className="text-brand-700 hover:underline">
            {t("title")}
          </Link>
          {can(user, "features.vote") ? (
            <Link href="/tickets/new" className="text-brand-700 hover:underline">
              {t("suggest")}
            </Link>
          ) : null}
        </div>
      </PageHeader>
      <HydrateClient>
        <FeatureList canVote={can(user, "features.vote")} />
      </HydrateClient>
    </div>
  );
}
