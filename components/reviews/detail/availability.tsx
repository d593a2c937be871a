import { ReviewBarChart } from "@/components/reviews/review-chart";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { INCIDENT_SEVERITIES } from "@/db/schema/enums";
import { reviewFormat } from "./format";
import type { Snapshot } from "./types";

/** Monthly availability against the commitment, the credits owed and the quarter's incidents. */
export async function AvailabilityCard({ snapshot: s }: { snapshot: Snapshot }) {
  const { t, when, pct, money, month, downtime } = await reviewFormat();
  return (
    <Card
      id="availability"
      title={t("reviews.sections.availability")}
      description={t("reviews.availabilityDescription", { commitment: pct(s.availability.commitment / 100, 2) })}
    >
      <ReviewBarChart
        data={s.availability.months.map((m) => ({
          month: month(m.month),
          availability: Math.round(m.availability * 1000) / 1000,
        }))}
        xKey="month"
        unit="%"
        domain={[
          Math.floor(Math.min(s.availability.commitment, ...s.availability.months.map((m) => m.availability)) - 0.1),
          100,
        ]}
        reference={{ value: s.availability.commitment, label: t("reviews.commitment") }}
        series={[{ key: "availability", label: t("reviews.availability"), color: "#0ea5e9" }]}
      />
      <DataTable
        caption={t("reviews.sections.availability")}
        columns={[
          { label: t("reviews.month") },
          { label: t("reviews.availability"), align: "right" },
          { label: t("reviews.downtime"), align: "right" },
          { label: t("reviews.creditPercent"), align: "right" },
          { label: t("reviews.credit"), align: "right" },
        ]}
        rows={s.availability.months.map((m) => ({
          key: m.month,
          cells: [
            month(m.month),
            pct(m.availability / 100, 3),
            downtime(m.downtimeMinutes),
            `${m.creditPercent}%`,
            money(m.creditCents),
          ],
        }))}
      />
      <h3 className="mt-4 mb-2 text-sm font-semibold text-slate-800">
        {t("reviews.incidents", { n: s.availability.incidents.length })}
      </h3>
      {s.availability.incidents.length === 0 ? (
        <p className="text-sm text-slate-600">{t("reviews.noIncidents")}</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {s.availability.incidents.map((i) => (
            <li key={i.id}>
              <span className="font-medium">{i.title}</span> ·{" "}
              {(INCIDENT_SEVERITIES as readonly string[]).includes(i.severity)
                ? t(`incidents.severity.${i.severity as (typeof INCIDENT_SEVERITIES)[number]}`)
                : i.severity}{" "}
              · {when(i.startedAt)}
              {i.endedAt ? ` – ${when(i.endedAt)}` : ""} {i.planned ? <Badge>{t("reviews.planned")}</Badge> : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
