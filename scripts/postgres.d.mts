// Types of scripts/postgres.mjs for the TypeScript that imports it (tests and the bench).
export function ensurePostgresPackages(): void;
export function ensureLibpqAddon(): void;
export function startPostgres(options: { port: number; name?: string; durable?: boolean }): {
  url: string;
  dir: string;
  stop: () => void;
};
export function startReplica(options: { primaryUrl: string; port: number; name?: string }): {
  url: string;
  stop: () => void;
  remove: () => void;
};
export function createDatabase(url: string, name: string): string;
