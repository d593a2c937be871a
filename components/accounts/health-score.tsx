import { Badge, type BadgeTone } from "@/components/ui/badge";

export type HealthBand = "green" | "yellow" | "red";

export const BAND_TONE: Record<HealthBand, BadgeTone> = { green: "green", yellow: "amber", red: "red" };

/**
 * The score and its band's name as a badge ("46 · At risk"). Synchronous and free of server imports:
 * the organization page draws it on the server, the portfolio's table (a client component) on each row.
 */
export function HealthScore({ health, band }: { health: { score: number; band: HealthBand }; band: string }) {
  return <Badge tone={BAND_TONE[health.band]}>{`${health.score} · ${band}`}</Badge>;
}
