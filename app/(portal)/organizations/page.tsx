import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ApplyFiltersButton, TierOptions } from "@/components/accounts/filter-controls";
import { Card, PageHeader } from "@/components/ui/card";
import { Refused } from "@/components/ui/refused";
import { Table, Td, Th } from "@/components/ui/table";
import { TIER_CODES, type TierCode } from "@/db/schema/enums";
import { serverCaller } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";
import { can } from "@/server/auth/permissions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("organizations") };
}

/** The staff directory of organizations, searchable by name and filtered by tier. */
export default async function OrganizationsPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string; tier?: string }>;
}) {
  const user = await getSessionUser();
  if (!user) redirect("/signin");
  if (user.role === "customer") redirect("/organization");
  if (!can(user, "organizations.read")) return <Refused permission="organizations.read" />;
  const sp = await searchParams;
  const q = sp.q?.slice(0, 100) ?? "";
  const tier = (TIER_CODES as readonly string[]).includes(sp.tier ?? "") ? (sp.tier as TierCode) : undefined;
  const api = await serverCaller();
  const rows = await api.accounts.organizations({ q: q || undefined, tier });
  const t = await getTranslations();
  const format = await getFormatter();
  return (
    <>
      <PageHeader title={t("accounts.directory.title")} description={t("accounts.directory.subtitle")} />
      <Card>
        <form
          method="get"
          role="search"
          aria-label={t("accounts.directory.search")}
          className="mb-4 flex flex-wrap items-end gap-3"
        >
          <label className="min-w-[12rem] flex-1 text-sm">
            <span className="block font-medium text-slate-700">{t("accounts.directory.search")}</span>
            <input
              type="search"
              name="q"
              defaultValue={q}
              className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm"
            />
          </label>
          <label className="text-sm">
            <span className="block font-medium text-slate-700">{t("accounts.directory.tier")}</span>
            <select
              name="tier"
              defaultValue={tier ?? ""}
              className="mt-1 rounded-md border border-slate-300 px-2 py-1.5 text-sm"
            >
              <TierOptions />
            </select>
          </label>
          <ApplyFiltersButton />
        </form>
        {rows.length === 0 ? (
          <p className="py-8 text-center text-sm text-slate-600">{t("accounts.directory.empty")}</p>
        ) : (
          <Table caption={t("accounts.directory.title")}>
            <thead>
              <tr>
                <Th>{t("accounts.directory.name")}</Th>
                <Th>{t("accounts.directory.tier")}</Th>
                <Th>{t("accounts.directory.region")}</Th>
                <Th>{t("accounts.directory.accountManager")}</Th>
                <Th align="right">{t("accounts.directory.renewal")}</Th>
              </tr>
            </thead>
            <tbody>
              {rows.map((o) => (
                <tr key={o.id} className="hover:bg-slate-50">
                  <Td header>
                    <Link href={`/organizations/${o.id}`} className="text-brand-700 hover:underline">
                      {o.name}
                    </Link>
                  </Td>
                  <Td>{t(`tier.${o.tier}`)}</Td>
                  <Td>{t(`region.${o.region}`)}</Td>
                  <Td>{o.accountManager ?? "—"}</Td>
                  <Td align="right">
                    <span
                      title={format.dateTime(new Date(`${o.contractEnd}T12:00:00Z`), {
                        dateStyle: "medium",
                        timeZone: "UTC",
                      })}
                    >
                      {o.daysToRenewal < 0
                        ? t("accounts.org.lapsed", { days: -o.daysToRenewal })
                        : t("accounts.org.daysToRenewal", { days: o.daysToRenewal })}
                    </span>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </>
  );
}
