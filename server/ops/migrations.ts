/** A migration as the migrator records it in `__drizzle_migrations`: the SHA-256 of its SQL file. */
export type AppliedMigration = { hash: string };
/** A committed migration: its drizzle-kit tag (file name) and the hash the migrator would record. */
export type CommittedMigration = { tag: string; hash: string };

/**
 * Whether a database's applied migrations are a known state of Attain's schema: the first N
 * committed migrations exactly, in order, with N at least one (the migrator then brings it up to
 * date). Returns null when they are, else a sentence saying why not: a database of another
 * application, one whose schema was changed by hand, or one made by a newer version of Attain.
 */
export function migrationStateProblem(
  applied: readonly AppliedMigration[],
  committed: readonly CommittedMigration[],
): string | null {
  if (applied.length === 0) return "it records no applied migration";
  if (applied.length > committed.length)
    return `it has ${applied.length} migrations applied and this version of Attain knows ${committed.length}: it was made by a newer version`;
  for (const [i, a] of applied.entries()) {
    const c = committed[i]!;
    if (a.hash !== c.hash) return `its migration ${i + 1} is not ${c.tag} as this version of Attain has it`;
  }
  return null;
}
