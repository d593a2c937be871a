/**
 * What an audit entry was about, as the log shows it: the kind in the viewer's language, the
 * thing by name ("#1047 Calls drop after two minutes", "Alex Chen", "Service review 2026-Q3:
 * Nimbus Live") and a link to its page, never "ticket #1047" or "user #6". Things the server did
 * not name (another kind, or since deleted) read as their kind and number. Pure.
 */
import type { AuditTarget } from "@/server/audit/targets";
import { shownSubject } from "@/server/tickets/subject";
import type { Translate } from "./detail-lines";

export type AuditTargetView = { kind: string; text: string | null; href: string | null };

type Entry = { entity: string; entityId: string | null; target: AuditTarget | null };

/** The page of a named thing, and how it reads; null for kinds the server does not name. */
function named(
  e: Entry & { target: AuditTarget; entityId: string },
  t: Translate,
  zh: boolean,
  ticketBase: string,
): { text: string; href: string } | null {
  const { name, nameZh, extra, organizationId } = e.target;
  const id = e.entityId;
  const bilingual = zh && nameZh ? nameZh : name;
  const people = (q: string) => `?${new URLSearchParams({ q })}`;
  switch (e.entity) {
    case "ticket":
      return { text: `#${id} ${shownSubject(name, t("tickets.placeholders.noSubject"))}`, href: `${ticketBase}${id}` };
    case "user":
      return {
        text: name,
        href: organizationId
          ? `/organizations/${organizationId}/people${people(extra ?? name)}`
          : `/admin/people${people(extra ?? name)}`,
      };
    case "organization":
      return { text: name, href: `/organizations/${id}` };
    case "review":
      return { text: t("reviews.heading", { quarter: extra ?? "", organization: name }), href: `/reviews/${id}` };
    case "incident":
      return { text: name, href: `/incidents/${id}` };
    case "security_advisory":
      return { text: bilingual, href: `/advisories/${id}` };
    case "known_issue":
      return { text: `${t("knownIssues.number", { id })} ${bilingual}`, href: `/known-issues/${id}` };
    case "article":
      return { text: name, href: extra ? `/kb/${encodeURIComponent(extra)}` : "/kb" };
    case "rota":
      return { text: name, href: `/on-call/rotas/${id}` };
    case "calendar":
      return { text: name, href: `/admin/calendars/${id}` };
    case "webhook":
      return { text: name, href: "/admin/webhooks" };
    case "macro":
      return { text: bilingual, href: "/macros" };
    default:
      return null;
  }
}

/** Kinds whose id is itself a readable code: a tier, a quarter, a product area, a platform's release line. */
function coded(entity: string, id: string, t: Translate): { text: string; href: string | null } | null {
  switch (entity) {
    case "tier":
      return t.has(`tier.${id}`) ? { text: t(`tier.${id}`), href: `/admin/targets/${id}` } : null;
    case "sla_report":
      return { text: id, href: `/reports/sla/${id}` };
    case "escalation_route":
      return t.has(`tickets.productAreas.${id}`)
        ? { text: t(`tickets.productAreas.${id}`), href: "/admin/escalation" }
        : null;
    case "sdk_version": {
      const [platform, line] = id.split(" ");
      return platform && line && t.has(`sdkPlatform.${platform}`)
        ? { text: `${t(`sdkPlatform.${platform}`)} ${line}`, href: "/admin/sdk-lifecycle" }
        : null;
    }
    default:
      return null;
  }
}

export function auditTargetView(e: Entry, t: Translate, locale: string, ticketBase: string): AuditTargetView {
  const kind = t.has(`audit.entities.${e.entity}`) ? t(`audit.entities.${e.entity}`) : e.entity;
  if (!e.entityId) return { kind, text: null, href: null };
  const shown =
    (e.target && named({ ...e, target: e.target, entityId: e.entityId }, t, locale === "zh", ticketBase)) ??
    coded(e.entity, e.entityId, t);
  if (shown) return { kind, ...shown };
  // A number of something unnamed (an invitation, a dispute) or since deleted; a settings key says nothing more.
  return { kind, text: /^\d+$/.test(e.entityId) ? t("audit.number", { id: e.entityId }) : null, href: null };
}
