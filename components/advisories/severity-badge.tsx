import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { AdvisorySeverity } from "@/db/schema/enums";

const TONE = { critical: "red", high: "red", medium: "amber", low: "neutral" } as const;

/** "Critical · CVSS 9.8". */
export function SeverityBadge({ severity, score }: { severity: AdvisorySeverity; score: number }) {
  const t = useTranslations("advisories");
  return (
    <Badge tone={TONE[severity]}>
      {t(`severity.${severity}`)} · {t("score", { score: score.toFixed(1) })}
    </Badge>
  );
}
