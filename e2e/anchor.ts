/**
 * The demo's "now" for this run: playwright.config.ts fixes it once (the start of the hour the run
 * began, or E2E_ANCHOR if given), seeds the database with it and hands it to every worker, so a spec
 * that needs an instant derives it from here instead of reading the clock.
 */
export function seedAnchor(): Date {
  const iso = process.env.E2E_ANCHOR;
  const anchor = iso ? new Date(iso) : new Date(Number.NaN);
  if (Number.isNaN(anchor.getTime()))
    throw new Error(`E2E_ANCHOR is not set to an instant by playwright.config.ts: ${iso}`);
  return anchor;
}
