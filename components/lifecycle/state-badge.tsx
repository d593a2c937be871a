import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";

export type SupportStateValue = "supported" | "security_only" | "unsupported" | "unknown";

const TONE = { supported: "green", security_only: "amber", unsupported: "red", unknown: "neutral" } as const;

/** A release line's (or a ticket's SDK's) support state, in words and colour. */
export function SupportStateBadge({ state }: { state: SupportStateValue }) {
  const t = useTranslations("lifecycle.states");
  return <Badge tone={TONE[state]}>{t(state)}</Badge>;
}
