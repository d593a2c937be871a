import Link from "@/components/ui/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { quarterWriter } from "@/components/format";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { AppRouter } from "@/server/api/root";
import type { inferRouterOutputs } from "@trpc/server";

type Row = inferRouterOutputs<AppRouter>["reviews"]["list"][number];

export const STATUS_TONE = { draft: "neutral", shared: "amber", acknowledged: "green" } as const;

/** Reviews with their status, sharing and acknowledgement dates and open action items. */
export async function ReviewList({
  rows,
  showOrganization,
  compact = false,
}: {
  rows: Row[];
  showOrganization: boolean;
  compact?: boolean;
}) {
  const t = await getTranslations("reviews");
  const format = await getFormatter();
  const quarter = quarterWriter(await getLocale());
  const date = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium" }) : "—");
  if (rows.length === 0) return <p className="py-6 text-center text-sm text-slate-600">{t("empty")}</p>;
  if (compact) {
    return (
      <ul className="divide-y divide-slate-100 text-sm">
        {rows.map((r) => (
          <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <Link href={`/reviews/${r.id}`} className="font-medium text-brand-700 hover:underline">
              {t("reviewOf", { quarter: quarter(r.quarter) })}
            </Link>
            <span className="flex items-center gap-2">
              {r.openItems > 0 ? (
                <span className="text-xs text-slate-500">{t("openItemsCount", { n: r.openItems })}</span>
              ) : null}
              <Badge tone={STATUS_TONE[r.status]}>{t(`statuses.${r.status}`)}</Badge>
            </span>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <Table caption={t("title")}>
      <thead>
        <tr>
          <Th>{t("quarter")}</Th>
          {showOrganization ? <Th>{t("organization")}</Th> : null}
          <Th>{t("status")}</Th>
          <Th>{t("shared")}</Th>
          <Th>{t("acknowledged")}</Th>
          <Th align="right">{t("openItems")}</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} className="hover:bg-slate-50">
            <Td header>
              <Link href={`/reviews/${r.id}`} className="text-brand-700 hover:underline">
                {t("reviewOf", { quarter: quarter(r.quarter) })}
                {showOrganization ? <span className="sr-only"> {r.organizationName}</span> : null}
              </Link>
            </Td>
            {showOrganization ? <Td>{r.organizationName}</Td> : null}
            <Td>
              <Badge tone={STATUS_TONE[r.status]}>{t(`statuses.${r.status}`)}</Badge>
            </Td>
            <Td>{date(r.sharedAt)}</Td>
            <Td>{date(r.acknowledgedAt)}</Td>
            <Td align="right">{r.openItems}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
