import { eq, inArray, sql, type Column, type SQL } from "drizzle-orm";
import {
  articles,
  calendars,
  incidents,
  knownIssues,
  macros,
  organizations,
  reviews,
  rotas,
  securityAdvisories,
  tickets,
  users,
  webhooks,
} from "@/db/schema";
import type { Db } from "@/server/db";

/** What an audit entry was about, by name: a ticket's subject, a person's name, an advisory's titles. */
export type AuditTarget = {
  name: string;
  /** The Chinese name, for things named in both languages (advisories, known issues, macros). */
  nameZh: string | null;
  /** A person's email, a review's quarter, an article's slug. */
  extra: string | null;
  /** A ticket's or a customer's organization; a review's. */
  organizationId: number | null;
};

type Source = {
  from: SQL;
  id: Column;
  name: Column;
  nameZh?: Column;
  extra?: Column;
  organizationId?: Column;
};

/** The kinds of audited things the log names, each read from its own table by its id. */
const SOURCES = {
  ticket: { from: sql`${tickets}`, id: tickets.id, name: tickets.subject, organizationId: tickets.organizationId },
  user: {
    from: sql`${users}`,
    id: users.id,
    name: users.name,
    extra: users.email,
    organizationId: users.organizationId,
  },
  organization: { from: sql`${organizations}`, id: organizations.id, name: organizations.name },
  review: {
    from: sql`${reviews} inner join ${organizations} on ${eq(organizations.id, reviews.organizationId)}`,
    id: reviews.id,
    name: organizations.name,
    extra: reviews.quarter,
    organizationId: reviews.organizationId,
  },
  incident: { from: sql`${incidents}`, id: incidents.id, name: incidents.title },
  security_advisory: {
    from: sql`${securityAdvisories}`,
    id: securityAdvisories.id,
    name: securityAdvisories.titleEn,
    nameZh: securityAdvisories.titleZh,
  },
  known_issue: {
    from: sql`${knownIssues}`,
    id: knownIssues.id,
    name: knownIssues.titleEn,
    nameZh: knownIssues.titleZh,
  },
  article: { from: sql`${articles}`, id: articles.id, name: articles.title, extra: articles.slug },
  rota: { from: sql`${rotas}`, id: rotas.id, name: rotas.name },
  calendar: { from: sql`${calendars}`, id: calendars.id, name: calendars.name },
  webhook: { from: sql`${webhooks}`, id: webhooks.id, name: webhooks.name },
  macro: { from: sql`${macros}`, id: macros.id, name: macros.titleEn, nameZh: macros.titleZh },
} satisfies Record<string, Source>;

export type NamedEntity = keyof typeof SOURCES;

export const isNamedEntity = (entity: string): entity is NamedEntity => Object.hasOwn(SOURCES, entity);

/** The key of an entry's target in the map auditTargets returns. */
export const targetKey = (entity: string, id: string | number) => `${entity}:${id}`;

/**
 * The names of the things a page of audit entries is about, in one query for the page (a UNION
 * ALL of one select per kind present, each by primary key), keyed by targetKey. Entries about
 * other kinds, with no id, or about something since deleted have no name here; the page shows
 * their kind and id instead.
 */
export function auditTargets(
  db: Pick<Db, "all">,
  entries: readonly { entity: string; entityId: string | null }[],
): Map<string, AuditTarget> {
  const ids = new Map<NamedEntity, Set<number>>();
  for (const e of entries) {
    if (!isNamedEntity(e.entity) || !e.entityId || !/^\d{1,15}$/.test(e.entityId)) continue;
    const set = ids.get(e.entity) ?? new Set<number>();
    set.add(Number(e.entityId));
    ids.set(e.entity, set);
  }
  if (ids.size === 0) return new Map();
  const selects = [...ids].map(([kind, set]) => {
    const s: Source = SOURCES[kind];
    const or = (c: Column | undefined) => c ?? sql`null`;
    return sql`select ${sql.raw(`'${kind}'`)} as kind, ${s.id} as id, ${s.name} as name, ${or(s.nameZh)} as name_zh, ${or(s.extra)} as extra, ${or(s.organizationId)} as organization_id from ${s.from} where ${inArray(s.id, [...set])}`;
  });
  const rows = db.all<{
    kind: string;
    id: number;
    name: string;
    name_zh: string | null;
    extra: string | null;
    organization_id: number | null;
  }>(sql.join(selects, sql` union all `));
  return new Map(
    rows.map((r) => [
      targetKey(r.kind, Number(r.id)),
      {
        name: r.name,
        nameZh: r.name_zh,
        extra: r.extra,
        organizationId: r.organization_id === null ? null : Number(r.organization_id),
      },
    ]),
  );
}
