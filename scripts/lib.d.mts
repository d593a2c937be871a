// Types for scripts/lib.mjs, which stays plain JavaScript so it runs before npm install.
export function run(cmd: string, args: string[], env?: NodeJS.ProcessEnv): void;
export function ensureInstalled(): void;
/** A production build (in `dist`: NEXT_DIST_DIR, else .next) is needed when there is none or a source is newer than it. */
export function needsBuild(dist?: string): boolean;
export function ensureChromium(): void;
/** The V8 old-space cap of each production server worker, in MB. */
export const SERVER_HEAP_MB: number;
