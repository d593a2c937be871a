import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { RoadmapColumns } from "@/components/requests/roadmap-columns";
import { PageHeader } from "@/components/ui/card";
import { serverCaller } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";
import { can } from "@/server/auth/permissions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("roadmap"))("title") };
}

/**
 * The public roadmap: feature requests planned, under review and shipped, each with its votes and
 * the number of organizations asking; titles and notes only, never who asked.
 */
export default async function RoadmapPage() {
  const api = await serverCaller();
  const data = await api.requests.roadmap();
  const user = await getSessionUser();
  const t = await getTranslations("roadmap");
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader title={t("title")} description={t("subtitle")} />
      {can(user, "features.vote") ? (
        <p className="mb-4 text-sm">
          <Link href="/feature-requests" className="font-medium text-brand-700 hover:underline">
            {t("voteLink")}
          </Link>
        </p>
      ) : null}
      <RoadmapColumns data={data} />
    </div>
  );
}
