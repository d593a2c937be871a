/** The SDK support lifecycle: the published table, its administration, and a ticket's SDK support. */
import { and, desc, eq, inArray } from "drizzle-orm";
import { articles, sdkVersions } from "@/db/schema";
import { SDK_PLATFORMS, type Locale, type SdkPlatform } from "@/db/schema/enums";
import { recordAudit } from "@/server/audit/service";
import type { SessionUser } from "@/server/auth/session";
import type { Db } from "@/server/db";
import { notFound, refuseIf } from "@/server/errors";
import { compareLines, dayOf, lineProblem, lineState, supportOf, type LifecycleLine } from "./rules";

export function listLifecycle(db: Pick<Db, "select">): (LifecycleLine & { id: number; platform: SdkPlatform })[] {
  const rows = db
    .select({
      id: sdkVersions.id,
      platform: sdkVersions.platform,
      line: sdkVersions.line,
      releasedOn: sdkVersions.releasedOn,
      fullSupportUntil: sdkVersions.fullSupportUntil,
      securityUntil: sdkVersions.securityUntil,
      guideSlug: sdkVersions.guideSlug,
    })
    .from(sdkVersions)
    .all();
  return rows.sort((a, b) => a.platform.localeCompare(b.platform) || compareLines(a.line, b.line));
}

/** The published table with each line's state today. */
export function lifecycleTable(db: Pick<Db, "select">, now: Date) {
  const today = dayOf(now);
  return listLifecycle(db).map((l) => ({ ...l, state: lineState(l, today) }));
}

/**
 * The published, public migration guides and breaking-changes notes in a language, for the lifecycle
 * page: each with the platforms its tags name (none: it applies to every platform).
 */
export function releaseGuides(db: Pick<Db, "select">, locale: Locale) {
  return db
    .select({ slug: articles.slug, title: articles.title, type: articles.type, tags: articles.tags })
    .from(articles)
    .where(
      and(
        eq(articles.status, "published"),
        eq(articles.internal, false),
        eq(articles.locale, locale),
        inArray(articles.type, ["migration_guide", "breaking_changes"]),
      ),
    )
    .orderBy(desc(articles.updatedAt))
    .limit(100)
    .all()
    .map((a) => ({
      slug: a.slug,
      title: a.title,
      type: a.type as "migration_guide" | "breaking_changes",
      platforms: SDK_PLATFORMS.filter((p) => a.tags.includes(p)),
    }));
}

/** Whether a reported SDK is supported today, and the guide to upgrade from its line. */
export function sdkSupport(db: Pick<Db, "select">, platform: string | null, version: string | null, now: Date) {
  const { state, line } = supportOf(listLifecycle(db), platform, version, dayOf(now));
  return {
    state,
    line: line?.line ?? null,
    guideSlug: line?.guideSlug ?? null,
    securityUntil: line?.securityUntil ?? null,
  };
}

export type LineInput = {
  platform: SdkPlatform;
  line: string;
  releasedOn: string;
  fullSupportUntil: string;
  securityUntil: string;
  guideSlug: string | null;
};

/** An administrator adds a line or changes one (matched by platform and line); audited with before and after. */
export function saveLifecycleLine(db: Db, actor: SessionUser, input: LineInput, now: Date): { id: number } {
  refuseIf(lineProblem(input));
  return db.transaction(
    (tx) => {
      const before = tx
        .select()
        .from(sdkVersions)
        .where(and(eq(sdkVersions.platform, input.platform), eq(sdkVersions.line, input.line)))
        .get();
      const values = { ...input, updatedAt: now, updatedById: actor.id };
      const row = before
        ? tx
            .update(sdkVersions)
            .set(values)
            .where(eq(sdkVersions.id, before.id))
            .returning({ id: sdkVersions.id })
            .get()
        : tx.insert(sdkVersions).values(values).returning({ id: sdkVersions.id }).get();
      recordAudit(tx, {
        actorId: actor.id,
        action: "lifecycle.save",
        entity: "sdk_version",
        entityId: `${input.platform} ${input.line}`,
        detail: {
          before: before
            ? {
                fullSupportUntil: before.fullSupportUntil,
                securityUntil: before.securityUntil,
                releasedOn: before.releasedOn,
              }
            : null,
          after: {
            fullSupportUntil: input.fullSupportUntil,
            securityUntil: input.securityUntil,
            releasedOn: input.releasedOn,
          },
        },
        at: now,
      });
      return row;
    },
    { behavior: "immediate" },
  );
}

export function removeLifecycleLine(db: Db, actor: SessionUser, id: number, now: Date): void {
  db.transaction(
    (tx) => {
      const row = tx.select().from(sdkVersions).where(eq(sdkVersions.id, id)).get();
      if (!row) throw notFound("SDK version");
      tx.delete(sdkVersions).where(eq(sdkVersions.id, id)).run();
      recordAudit(tx, {
        actorId: actor.id,
        action: "lifecycle.remove",
        entity: "sdk_version",
        entityId: `${row.platform} ${row.line}`,
        at: now,
      });
    },
    { behavior: "immediate" },
  );
}
