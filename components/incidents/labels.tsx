import type { INCIDENT_SEVERITIES } from "@/db/schema/enums";
import { Badge, type BadgeTone } from "@/components/ui/badge";

export const SEVERITY_TONE: Record<(typeof INCIDENT_SEVERITIES)[number], BadgeTone> = {
  critical: "red",
  major: "amber",
  minor: "neutral",
};
export const PHASE_TONE: Record<"ongoing" | "scheduled" | "ended", BadgeTone> = {
  ongoing: "red",
  scheduled: "brand",
  ended: "green",
};

/** A badge with its words: colour is never the only signal. */
export function ToneBadge({ tone, children }: { tone: BadgeTone; children: string }) {
  return <Badge tone={tone}>{children}</Badge>;
}
