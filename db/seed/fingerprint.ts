import { createHash } from "node:crypto";

export type SourceFile = { path: string; content: string | Uint8Array };

/** Arguments in a canonical form: keys sorted at every level, so the same options always hash alike. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/**
 * The identity of a generated dataset: a SHA-256 over the sources that shape it (each file's path
 * and content, in path order, so listing order does not matter) and the arguments it was built
 * with. A cached dataset is reused only while its fingerprint matches.
 */
export function datasetFingerprint(sources: readonly SourceFile[], args: Record<string, unknown>): string {
  const hash = createHash("sha256");
  for (const file of [...sources].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    hash.update(file.path.replaceAll("\\", "/"));
    hash.update("\0");
    hash.update(file.content);
    hash.update("\0");
  }
  hash.update(JSON.stringify(canonical(args)));
  return hash.digest("hex");
}
