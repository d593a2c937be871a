// Types for scripts/lib.mjs, which stays plain JavaScript so it runs before npm install.
export function run(cmd: string, args: string[], env?: NodeJS.ProcessEnv): void;
export function ensureInstalled(): void;
/** A production build is needed when there is none or a source is newer than it. */
export function needsBuild(): boolean;
export function ensureChromium(): void;
/** The V8 old-space cap of each production server worker, in MB. */
export const SERVER_HEAP_MB: number;
