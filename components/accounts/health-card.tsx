import { getTranslations } from "next-intl/server";
import { HealthScore, type HealthBand } from "@/components/accounts/health-score";
import { Table, Td, Th } from "@/components/ui/table";
import type { HealthFactorKey } from "@/server/accounts/health";

export type HealthData = {
  score: number;
  band: HealthBand;
  factors: {
    key: HealthFactorKey;
    weight: number;
    subscore: number;
    contribution: number;
    detail: Record<string, number | null>;
  }[];
};

export async function HealthBadge({ health }: { health: HealthData }) {
  const t = await getTranslations("accounts.health");
  return <HealthScore health={health} band={t(`bands.${health.band}`)} />;
}

/** Each factor with what was measured, its weight and the points it contributed. */
export async function HealthFactors({ health }: { health: HealthData }) {
  const t = await getTranslations("accounts.health");
  const explain = (f: HealthData["factors"][number]) => {
    const d = f.detail;
    switch (f.key) {
      case "slaBreaches":
        return t("explain.slaBreaches", { n: d.breaches ?? 0 });
      case "openUrgent":
        return d.open ? t("explain.openUrgent", { n: d.open, days: d.oldestDays ?? 0 }) : t("explain.openUrgentNone");
      case "satisfaction":
        return d.average === null
          ? t("explain.satisfactionNone")
          : t("explain.satisfaction", {
              avg: (d.average ?? 0).toFixed(2),
              prev: d.previous === null ? "—" : (d.previous ?? 0).toFixed(2),
            });
      case "escalations":
        return t("explain.escalations", { n: d.escalations ?? 0 });
      case "engagement":
        return d.days === null ? t("explain.engagementNone") : t("explain.engagement", { days: d.days ?? 0 });
      case "renewal":
        return (d.days ?? 0) < 0
          ? t("explain.renewalLapsed", { days: -(d.days ?? 0) })
          : t("explain.renewal", { days: d.days ?? 0 });
    }
  };
  return (
    <Table caption={t("factorsCaption")}>
      <thead>
        <tr>
          <Th>{t("factor")}</Th>
          <Th>{t("measured")}</Th>
          <Th align="right">{t("weight")}</Th>
          <Th align="right">{t("points")}</Th>
        </tr>
      </thead>
      <tbody>
        {health.factors.map((f) => (
          <tr key={f.key}>
            <Td header>{t(`factors.${f.key}`)}</Td>
            <Td>{explain(f)}</Td>
            <Td align="right">{f.weight}</Td>
            <Td align="right">{f.contribution.toFixed(1)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
