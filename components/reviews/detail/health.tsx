import { HealthBadge, HealthFactors } from "@/components/accounts/health-card";
import { Card } from "@/components/ui/card";
import { reviewFormat } from "./format";
import type { Snapshot } from "./types";

/** The account's health score and its factors, for the vendor's staff only (not printed). */
export async function HealthCard({ health }: { health: NonNullable<Snapshot["health"]> }) {
  const { t } = await reviewFormat();
  return (
    <div className="print:hidden">
      <Card
        id="health"
        title={t("reviews.sections.health")}
        description={t("reviews.healthDescription")}
        actions={<HealthBadge health={health} />}
      >
        <HealthFactors health={health} />
      </Card>
    </div>
  );
}
