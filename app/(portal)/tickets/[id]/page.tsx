import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound, redirect } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { TicketView } from "@/components/tickets/ticket-view";
import { Refused } from "@/components/ui/refused";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";
import "@/app/kb/kb.css";
import { can } from "@/server/auth/permissions";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const t = await getTranslations("pageTitles");
  return { title: t("ticket", { id: (await params).id }) };
}

/** The ticket page: data prefetched on the server and hydrated into the live client view. */
export default async function TicketPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await getSessionUser();
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  // Those who read tickets without working them (an account manager opening a custom development
  // request from a notification) land on the read-only ticket view.
  if (user && !can(user, "tickets.work") && can(user, "tickets.readAll")) redirect(`/sla/tickets/${id}`);
  if (!user || !can(user, "tickets.work")) return <Refused permission="tickets.work" />;
  try {
    await getQueryClient().fetchQuery(trpc.tickets.get.queryOptions({ id }));
  } catch (err) {
    if (err instanceof TRPCError && err.code === "NOT_FOUND") notFound();
    throw err;
  }
  return (
    <HydrateClient>
      <TicketView
        id={id}
        role={user.role}
        viewerId={user.id}
        serverNow={new Date()}
        canManageFeature={can(user, "features.manage")}
        canScope={can(user, "customDevelopment.scope")}
      />
    </HydrateClient>
  );
}
