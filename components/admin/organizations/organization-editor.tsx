"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "@/components/ui/link";
import { useFormatter, useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc/client";
import { PageHeader } from "@/components/ui/card";
import { LoadError, LoadingCard } from "../controls";
import { OrganizationForm } from "./organization-form";

/** The new-organization page's header and empty form. */
export function NewOrganization() {
  const trpc = useTRPC();
  const t = useTranslations("organizationsAdmin");
  const choices = useQuery(trpc.organizations.choices.queryOptions());
  if (choices.isPending) return <LoadingCard />;
  if (choices.isError) return <LoadError onRetry={() => void choices.refetch()} />;
  return (
    <>
      <PageHeader title={t("newTitle")} description={t("newSubtitle")} />
      <OrganizationForm record={null} choices={choices.data} />
    </>
  );
}

/** An organization's header (name, customers, open tickets, short name) and its edit form. */
export function OrganizationEditor({ id, justCreated }: { id: number; justCreated: boolean }) {
  const trpc = useTRPC();
  const t = useTranslations("organizationsAdmin");
  const format = useFormatter();
  const record = useQuery(trpc.organizations.get.queryOptions({ id }));
  const choices = useQuery(trpc.organizations.choices.queryOptions());
  if (record.isPending || choices.isPending) return <LoadingCard />;
  if (record.isError || choices.isError)
    return (
      <LoadError
        onRetry={() => {
          void record.refetch();
          void choices.refetch();
        }}
      />
    );
  const org = record.data;
  return (
    <>
      <PageHeader
        title={org.name}
        description={
          <>
            {t("editSubtitle", { customers: org.customers, open: org.openTickets, slug: org.slug })}
            <span className="mt-1 block text-xs text-slate-500">
              {t("updatedAt", {
                date: format.dateTime(org.updatedAt ?? org.createdAt, { dateStyle: "medium", timeStyle: "short" }),
              })}
            </span>
          </>
        }
      >
        <Link href={`/organizations/${org.id}`} className="text-sm font-medium text-brand-700 hover:underline">
          {t("viewOrganization")}
        </Link>
      </PageHeader>
      <OrganizationForm key={org.id} record={org} choices={choices.data} justCreated={justCreated} />
    </>
  );
}
