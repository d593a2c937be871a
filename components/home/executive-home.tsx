import { getLocale, getTranslations } from "next-intl/server";
import type { inferRouterOutputs } from "@trpc/server";
import { Card, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { formatPercent } from "@/components/format";
import type { AppRouter } from "@/server/api/root";

type Tiers = inferRouterOutputs<AppRouter>["home"]["tiers"];

export async function ExecutiveHome({ tiers, userName }: { tiers: Tiers; userName: string }) {
  const t = await getTranslations();
  const locale = await getLocale();
  return (
    <>
      <PageHeader title={t("home.welcome", { name: userName })} />
      <Card id="tiers" title={t("home.executive.title")} description={t("home.executive.caption")}>
        <Table caption={t("home.executive.title")}>
          <thead>
            <tr>
              <Th>{t("home.executive.tier")}</Th>
              <Th align="right">{t("home.executive.organizations")}</Th>
              <Th align="right">{t("home.executive.openTickets")}</Th>
              <Th align="right">{t("home.executive.commitment")}</Th>
              <Th align="right">{t("home.executive.attainment")}</Th>
            </tr>
          </thead>
          <tbody>
            {tiers.map((tier) => (
              <tr key={tier.code}>
                <Td header>{t(`tier.${tier.code}`)}</Td>
                <Td align="right">{tier.organizations}</Td>
                <Td align="right">{tier.openTickets}</Td>
                <Td align="right">{formatPercent(locale, tier.availabilityCommitment / 100)}</Td>
                <Td align="right">
                  <span className="font-semibold">
                    {tier.firstResponse.attainment === null
                      ? t("common.notAvailable")
                      : formatPercent(locale, tier.firstResponse.attainment, 1)}
                  </span>
                  <span className="ml-2 text-xs text-slate-500">
                    {t("common.nOf", { n: tier.firstResponse.met + tier.firstResponse.breached })} ·{" "}
                    {t("common.excludedCount", { n: tier.firstResponse.excluded })}
                  </span>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Card>
    </>
  );
}
