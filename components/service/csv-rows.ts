/** The rows of a customer's "Our service" CSV; conventions as in components/sla/csv-builders.ts. */
import type { inferRouterOutputs } from "@trpc/server";
import { csvMoney, csvPercent, type CsvCell, type CsvTable, type Translate } from "@/components/sla/csv-builders";
import type { AppRouter } from "@/server/api/root";

type OurService = inferRouterOutputs<AppRouter>["sla"]["ourService"];

const METRICS = ["firstResponse", "workaround", "resolution"] as const;
const PRIORITIES = ["P0", "P1", "P2", "P3"] as const;

/**
 * A customer's "Our service" export: attainment per period, metric and priority, then each month's
 * availability and its credits (percent of the monthly fee and the amount in USD).
 */
export function ourServiceCsv(data: Pick<OurService, "columns" | "credits">, t: Translate): CsvTable {
  const rows: CsvCell[][] = [];
  for (const c of data.columns)
    for (const m of METRICS)
      for (const p of ["all", ...PRIORITIES] as const) {
        const f = p === "all" ? c.byMetric[m] : c.byPriority[p][m];
        rows.push([
          c.key,
          t(`metric.${m}`),
          p === "all" ? t("ourService.allPriorities") : t(`priority.${p}`),
          f.met,
          f.breached,
          f.n,
          f.excluded,
          csvPercent(f.attainment),
          null,
        ]);
      }
  for (const c of data.credits)
    rows.push(
      [
        c.month,
        t("ourService.availability"),
        "",
        null,
        null,
        null,
        null,
        Math.round(c.availability * 1000) / 1000,
        null,
      ],
      [
        c.month,
        t("ourService.availabilityCredit"),
        "",
        null,
        null,
        null,
        null,
        c.availabilityCreditPercent,
        csvMoney(c.availabilityCreditCents),
      ],
      [
        c.month,
        t("ourService.supportCredit"),
        "",
        null,
        c.supportBreaches,
        null,
        null,
        c.supportCreditPercent,
        csvMoney(c.supportCreditCents),
      ],
    );
  return {
    header: [
      t("ourService.csv.period"),
      t("ourService.csv.metric"),
      t("ourService.csv.priority"),
      t("ourService.csv.met"),
      t("ourService.csv.breached"),
      t("ourService.csv.n"),
      t("ourService.csv.excluded"),
      t("ourService.csv.attainment"),
      t("ourService.csv.amount"),
    ],
    rows,
  };
}
