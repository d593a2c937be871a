import Link from "@/components/ui/link";
import { getFormatter, getLocale, getNow, getTimeZone, getTranslations } from "next-intl/server";
import { zoneName } from "@/components/format";
import { Badge, PRIORITY_TONE } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { Metric, Priority, ProductArea, TicketCategory, TierCode } from "@/db/schema/enums";
import { shownSubject } from "@/server/tickets/subject";

const OUTCOME_TONE = { met: "green", breached: "red", excluded: "neutral" } as const;

/** One target's outcome behind an SLA figure; staff lists also name the organization and its tier. */
export type DrillItem = {
  ticketId: number;
  subject: string;
  productArea: ProductArea;
  category: TicketCategory;
  priority: Priority;
  metric: Metric;
  outcome: keyof typeof OUTCOME_TONE;
  dueAt: Date;
  achievedAt: Date | null;
  organization?: string;
  tierCode?: TierCode;
};

/**
 * The tickets behind a figure (the executive's /sla drill-down and a customer's "Our service"):
 * the instant the figure was read at (when its link named it), the zone note, the empty state and one
 * row per target, each linking to where the viewer reads the ticket.
 */
export async function DrillTable({
  list,
  caption,
  ticketHref,
  showOrganization,
  asOf,
}: {
  list: { total: number; items: DrillItem[] };
  caption: string;
  ticketHref: (id: number) => string;
  showOrganization: boolean;
  /** The instant (ms) the figure was read at, which the list is read as of. */
  asOf?: number;
}) {
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();
  const now = await getNow();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  return (
    <>
      {asOf !== undefined ? (
        <p className="mb-1 text-xs text-slate-500">{t("sla.drill.asOf", { time: when(new Date(asOf)) })}</p>
      ) : null}
      <p className="mb-3 text-xs text-slate-500">
        {t("common.timeZoneNote", { zone: zoneName(locale, await getTimeZone(), now) })}
        {list.total > list.items.length ? ` · ${t("sla.drill.truncated", { shown: list.items.length })}` : ""}
      </p>
      {list.items.length === 0 ? (
        <p className="py-8 text-center text-sm text-slate-600">{t("sla.drill.empty")}</p>
      ) : (
        <Table caption={caption}>
          <thead>
            <tr>
              <Th>{t("sla.drill.ticket")}</Th>
              {showOrganization && <Th>{t("sla.drill.organization")}</Th>}
              <Th>{t("sla.priority")}</Th>
              <Th>{t("sla.metric")}</Th>
              <Th>{t("sla.drill.outcome")}</Th>
              <Th>{t("sla.drill.due")}</Th>
              <Th>{t("sla.drill.achieved")}</Th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((item) => (
              <tr key={`${item.ticketId}-${item.metric}`}>
                <Td header>
                  <Link href={ticketHref(item.ticketId)} className="text-brand-700 hover:underline">
                    #{item.ticketId} {shownSubject(item.subject, t("tickets.placeholders.noSubject"))}
                  </Link>
                  <span className="block text-xs font-normal text-slate-500">
                    {t(`tickets.productAreas.${item.productArea}`)} · {t(`tickets.categories.${item.category}`)}
                  </span>
                </Td>
                {showOrganization && (
                  <Td>
                    {item.organization}
                    {item.tierCode && (
                      <span className="block text-xs text-slate-500">{t(`tier.${item.tierCode}`)}</span>
                    )}
                  </Td>
                )}
                <Td>
                  <Badge tone={PRIORITY_TONE[item.priority]}>{item.priority}</Badge>
                </Td>
                <Td>{t(`metric.${item.metric}`)}</Td>
                <Td>
                  <Badge tone={OUTCOME_TONE[item.outcome]}>{t(`sla.outcomes.${item.outcome}`)}</Badge>
                </Td>
                <Td>{when(item.dueAt)}</Td>
                <Td>
                  {item.achievedAt ? (
                    when(item.achievedAt)
                  ) : (
                    <span className="text-slate-500">{t("sla.drill.notYet")}</span>
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
