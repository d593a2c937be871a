import { Badge, type BadgeTone } from "@/components/ui/badge";

export type SlaStatus = "running" | "paused" | "met" | "breached";

const TONE: Record<SlaStatus | "atRisk", BadgeTone> = {
  running: "brand",
  paused: "neutral",
  met: "green",
  breached: "red",
  atRisk: "amber",
};

/** An SLA status in colour and in words, so it reads without colour too. */
export function SlaBadge({ status, atRisk = false, label }: { status: SlaStatus; atRisk?: boolean; label: string }) {
  return (
    <Badge tone={atRisk && (status === "running" || status === "paused") ? TONE.atRisk : TONE[status]}>{label}</Badge>
  );
}
