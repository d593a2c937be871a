import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import type { inferRouterOutputs } from "@trpc/server";
import { OnCallStrip, type OnCallRow } from "@/components/on-call/on-call-strip";
import { Badge, PRIORITY_TONE } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import type { AppRouter } from "@/server/api/root";

type StaffData = inferRouterOutputs<AppRouter>["home"]["staff"];

/** A count that opens the queue holding the tickets it counts (issue #22); nothing to open at zero. */
const countLink = (n: number, href: string, className = "") =>
  n > 0 ? (
    <Link href={href} className={`text-brand-700 underline-offset-2 hover:underline ${className}`}>
      {n}
    </Link>
  ) : (
    0
  );

export async function StaffHome({
  data,
  userName,
  onCall,
}: {
  data: StaffData;
  userName: string;
  /** Who is on call now (support staff only). */
  onCall?: OnCallRow[] | null;
}) {
  const t = await getTranslations();
  return (
    <>
      <PageHeader
        title={t("home.welcome", { name: userName })}
        description={
          <Link href="/queue?assignee=unassigned" className="hover:underline">
            {t("home.staff.unassigned", { n: data.unassigned })}
          </Link>
        }
      />
      {onCall ? (
        <div className="mb-6">
          <OnCallStrip rows={onCall} />
        </div>
      ) : null}
      <Card id="open-by-priority" title={t("home.staff.title")} description={t("home.staff.caption")}>
        <Table caption={t("home.staff.title")}>
          <thead>
            <tr>
              <Th>{t("home.staff.priority")}</Th>
              <Th align="right">{t("home.staff.total")}</Th>
              <Th align="right">{t("home.staff.breached")}</Th>
              <Th align="right">{t("home.staff.dueSoon")}</Th>
              <Th align="right">{t("home.staff.mine")}</Th>
            </tr>
          </thead>
          <tbody>
            {data.byPriority.map((r) => (
              <tr key={r.priority}>
                <Td header>
                  <Badge tone={PRIORITY_TONE[r.priority]}>{t(`priority.${r.priority}`)}</Badge>
                </Td>
                <Td align="right">{countLink(r.total, `/queue?priority=${r.priority}`)}</Td>
                <Td align="right">
                  {countLink(r.breached, `/queue?priority=${r.priority}#breached`, "font-semibold text-red-700")}
                </Td>
                <Td align="right">
                  {countLink(r.dueSoon, `/queue?priority=${r.priority}`, "font-semibold text-amber-700")}
                </Td>
                <Td align="right">{countLink(r.mine, `/queue?priority=${r.priority}&assignee=mine`)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Card>
    </>
  );
}
