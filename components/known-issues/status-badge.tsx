import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { KnownIssueStatus } from "@/db/schema/enums";

const TONE = { investigating: "amber", fix_scheduled: "brand", fixed: "green", wont_fix: "neutral" } as const;

/** "Fixed in 4.5.1", "Fix scheduled for 4.6.0", "Investigating", "Won't fix". */
export function KnownIssueStatusBadge({ status, version }: { status: KnownIssueStatus; version: string | null }) {
  const t = useTranslations("knownIssues.statuses");
  return <Badge tone={TONE[status]}>{t(status, { version: version ?? "" })}</Badge>;
}
