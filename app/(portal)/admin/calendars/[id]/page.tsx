import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { BackToAdmin } from "@/components/admin/back-link";
import { CalendarEditor } from "@/components/admin/calendar-editor";
import { Refused } from "@/components/ui/refused";
import { supportedTimeZones } from "@/server/admin/calendars";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";
import { can } from "@/server/auth/permissions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminEdit");
  return { title: t("calendar.metaTitle") };
}

export default async function CalendarPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await getSessionUser();
  if (!can(user, "admin.settings")) return <Refused permission="admin.settings" />;
  const { id: raw } = await params;
  if (!/^[1-9]\d{0,9}$/.test(raw)) notFound();
  const id = Number(raw);
  try {
    await getQueryClient().fetchQuery(trpc.admin.calendar.queryOptions({ id }));
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  return (
    <>
      <BackToAdmin />
      <HydrateClient>
        <CalendarEditor id={id} zones={[...supportedTimeZones()]} />
      </HydrateClient>
    </>
  );
}
