/**
 * The demo's SDK support lifecycle (issue #20): release lines 4.2 to 4.5 of every platform, dated
 * from the demo's anchor so that 4.5 and 4.4 are fully supported, 4.3 gets security fixes only and
 * 4.2 is past its window (the demo's tickets report 4.2.x to 4.5.x, so every state occurs).
 */
import type Database from "better-sqlite3";
import { SDK_PLATFORMS } from "../schema/enums";

const DAY = 86_400_000;
const day = (at: number) => new Date(at).toISOString().slice(0, 10);

/** [line, released (days before the anchor), full support (days after release), security fixes (days after release)]. */
const LINES: [string, number, number, number][] = [
  ["4.5", 70, 540, 730],
  ["4.4", 250, 540, 730],
  ["4.3", 600, 540, 730],
  ["4.2", 800, 540, 730],
];

export function insertDemoLifecycle(sqlite: Database.Database, anchor: Date): number {
  const insert = sqlite.prepare(
    `INSERT OR IGNORE INTO sdk_versions (platform, line, released_on, full_support_until, security_until, guide_slug, updated_at) VALUES (?,?,?,?,?,?,?)`,
  );
  let n = 0;
  for (const platform of SDK_PLATFORMS)
    for (const [line, ago, full, security] of LINES) {
      const released = anchor.getTime() - ago * DAY;
      insert.run(
        platform,
        line,
        day(released),
        day(released + full * DAY),
        day(released + security * DAY),
        line === "4.5" ? null : "release-notes-4-5-0",
        anchor.getTime(),
      );
      n++;
    }
  return n;
}
