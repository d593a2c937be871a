import path from "node:path";

export const TEMPLATE_DB = path.join(process.cwd(), "data", "test-template.db");
/** The demo's "now" in tests: fixed, so every figure is reproducible. */
export const TEST_ANCHOR = new Date("2026-11-20T12:00:00Z");
