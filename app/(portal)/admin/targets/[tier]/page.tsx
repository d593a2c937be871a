import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { BackToAdmin } from "@/components/admin/back-link";
import { TargetMatrixEditor } from "@/components/admin/target-matrix-editor";
import { Refused } from "@/components/ui/refused";
import { TIER_CODES, type TierCode } from "@/db/schema/enums";
import { getQueryClient, HydrateClient, serverCaller, trpc } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";
import { typicalBusinessDayMinutes } from "@/server/sla/business-day";
import { can } from "@/server/auth/permissions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminEdit");
  return { title: t("targets.metaTitle") };
}

const isTierCode = (value: string): value is TierCode => (TIER_CODES as readonly string[]).includes(value);

export default async function TargetsPage({ params }: { params: Promise<{ tier: string }> }) {
  const user = await getSessionUser();
  if (!can(user, "admin.settings")) return <Refused permission="admin.settings" />;
  const { tier } = await params;
  if (!isTierCode(tier)) notFound();
  const [calendars] = await Promise.all([
    (await serverCaller()).admin.calendars(),
    getQueryClient().prefetchQuery(trpc.admin.targetVersions.queryOptions({ tierCode: tier })),
  ]);
  return (
    <>
      <BackToAdmin />
      <HydrateClient>
        <TargetMatrixEditor tierCode={tier} businessDayMinutes={typicalBusinessDayMinutes(calendars)} />
      </HydrateClient>
    </>
  );
}
