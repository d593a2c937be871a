import { getTranslations } from "next-intl/server";
import type { inferRouterOutputs } from "@trpc/server";
import { OnCallStrip, type OnCallRow } from "@/components/on-call/on-call-strip";
import { Badge, PRIORITY_TONE } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import type { AppRouter } from "@/server/api/root";

type StaffData = inferRouterOutputs<AppRouter>["home"]["staff"];

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
        description={t("home.staff.unassigned", { n: data.unassigned })}
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
                <Td align="right">{r.total}</Td>
                <Td align="right">
                  {r.breached > 0 ? <span className="font-semibold text-red-700">{r.breached}</span> : 0}
                </Td>
                <Td align="right">
                  {r.dueSoon > 0 ? <span className="font-semibold text-amber-700">{r.dueSoon}</span> : 0}
                </Td>
                <Td align="right">{r.mine}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Card>
    </>
  );
}
