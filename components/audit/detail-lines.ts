/**
 * An audit entry's stored detail (JSON) as short readable lines for the audit log: "Priority: P2
 * normal → P1 high", never raw JSON. Pure: a translator of full message keys in, lines out.
 *
 * Shapes the server records: `{ before, after }` (each an object or null) becomes one line per
 * changed field, old → new; `{ from, to }` becomes one "Changed" line; anything else is one line
 * per key. Field names come from `audit.fields.<key>` (a key without one reads as words: "pageId"
 * → "Page id"); values that are codes of a known kind (priority, status, role, tier, product area,
 * platform, region) read as people write them.
 */
export type Translate = { (key: string, values?: Record<string, string | number>): string; has(key: string): boolean };
export type DetailLine = { field: string; value: string };

/** Where a field's code values are translated; `from`/`to` try each of them. */
const VALUE_NAMESPACES: Record<string, string[]> = {
  priority: ["priority"],
  status: ["tickets.statuses"],
  role: ["roles"],
  roles: ["roles"],
  tierCode: ["tier"],
  tier: ["tier"],
  productArea: ["tickets.productAreas"],
  productAreas: ["tickets.productAreas"],
  category: ["tickets.categories"],
  platform: ["sdkPlatform"],
  region: ["region"],
};
const ANY_KIND = ["priority", "tickets.statuses", "roles", "tier", "tickets.productAreas", "sdkPlatform", "region"];

/** A key as words: `organizationId` reads "Organization id". */
const words = (key: string) =>
  key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/_/g, " ")
    .toLowerCase()
    .replace(/^./, (c) => c.toUpperCase());

export function auditDetailLines(detail: string | null, t: Translate): DetailLine[] {
  if (!detail) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(detail);
  } catch {
    return [{ field: "", value: detail }];
  }
  const field = (key: string) => (t.has(`audit.fields.${key}`) ? t(`audit.fields.${key}`) : words(key));
  const value = (v: unknown, key?: string): string => {
    if (v === null || v === undefined || v === "") return "—";
    if (Array.isArray(v)) return v.length ? v.map((x) => value(x, key)).join(", ") : "—";
    if (typeof v === "boolean") return t(v ? "audit.yes" : "audit.no");
    if (typeof v === "object")
      return Object.entries(v as Record<string, unknown>)
        .map(([k, x]) => `${field(k)}: ${value(x, k)}`)
        .join("; ");
    if (typeof v === "string") {
      const namespaces =
        key === undefined ? [] : (VALUE_NAMESPACES[key] ?? (key === "from" || key === "to" ? ANY_KIND : []));
      for (const ns of namespaces) if (t.has(`${ns}.${v}`)) return t(`${ns}.${v}`);
    }
    return String(v);
  };
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return [{ field: "", value: value(parsed) }];
  const { before, after, from, to, ...rest } = parsed as Record<string, unknown>;
  const lines: DetailLine[] = [];
  const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);
  if (before !== undefined || after !== undefined) {
    if (isRecord(before) || isRecord(after)) {
      const old = isRecord(before) ? before : {};
      const now = isRecord(after) ? after : {};
      for (const k of new Set([...Object.keys(old), ...Object.keys(now)])) {
        const a = value(old[k], k);
        const b = value(now[k], k);
        if (a === b) continue;
        lines.push({
          field: field(k),
          value: !isRecord(before) ? b : !isRecord(after) ? `${a} → ${t("audit.removed")}` : `${a} → ${b}`,
        });
      }
    } else lines.push({ field: t("audit.changed"), value: `${value(before)} → ${value(after)}` });
  }
  if (from !== undefined || to !== undefined)
    lines.push({ field: t("audit.changed"), value: `${value(from, "from")} → ${value(to, "to")}` });
  for (const [k, v] of Object.entries(rest)) lines.push({ field: field(k), value: value(v, k) });
  return lines;
}
