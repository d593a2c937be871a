/**
 * Which IANA time zones a typed text offers, for the time zone combobox (time-zone-select.tsx).
 * Pure: no React, no clock.
 */

/** "America/New_York" as people type it: case, underscores, slashes and spaces do not matter. */
export const foldZone = (s: string) =>
  s
    .toLowerCase()
    .replace(/[_/\s-]+/g, " ")
    .trim();

/**
 * The zones a typed text offers, best first: the zone it names exactly, then those whose name or
 * one of its parts (the city) starts with it, then those that contain it anywhere, each group in
 * the list's order; every zone for an empty text. The first is what Enter picks, so a zone typed
 * out in full is always first ("Asia/Tokyo" picked Africa/Abidjan, the head of the whole list).
 */
export function matchZones(query: string, zones: readonly string[]): string[] {
  const q = foldZone(query);
  if (!q) return [...zones];
  const exact: string[] = [];
  const starts: string[] = [];
  const contains: string[] = [];
  for (const zone of zones) {
    const folded = foldZone(zone);
    if (folded === q) exact.push(zone);
    else if (folded.startsWith(q) || folded.includes(` ${q}`)) starts.push(zone);
    else if (folded.includes(q)) contains.push(zone);
  }
  return [...exact, ...starts, ...contains];
}

/** The zone a text names exactly (case aside), or null: typed out in full, it counts without a choice from the list. */
export function exactZone(text: string, zones: readonly string[]): string | null {
  const t = text.trim().toLowerCase();
  return zones.find((z) => z.toLowerCase() === t) ?? null;
}

/** The option after `from` when moving by `step` (1 down, -1 up) through `count` options, wrapping round. */
export function moveActive(from: number, step: 1 | -1, count: number): number {
  if (count === 0) return 0;
  if (from < 0) return step === 1 ? 0 : count - 1;
  return (from + step + count) % count;
}
