import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { AtRiskForm } from "@/components/on-call/at-risk-form";
import { Card, PageHeader } from "@/components/ui/card";
import { Refused } from "@/components/ui/refused";
import { Table, Td, Th } from "@/components/ui/table";
import { serverCaller } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";
import { can } from "@/server/auth/permissions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("onCall.rotas"))("title") };
}

/** Every duty rota with who is on call now and its gaps ahead; managers create and edit them here. */
export default async function RotasPage() {
  const user = await getSessionUser();
  if (!user || !can(user, "oncall.read")) return <Refused permission="oncall.read" />;
  const api = await serverCaller();
  const [{ rotas, regionsWithoutRota }, settings] = await Promise.all([api.onCall.rotas(), api.onCall.settings()]);
  const t = await getTranslations("onCall");
  const tt = await getTranslations();
  const manage = can(user, "oncall.manage");
  return (
    <>
      <PageHeader title={t("rotas.title")} description={t("rotas.subtitle")}>
        {manage ? (
          <Link
            href="/on-call/rotas/new"
            className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-800"
          >
            {t("rotas.new")}
          </Link>
        ) : null}
      </PageHeader>
      <div className="space-y-6">
        {regionsWithoutRota.length > 0 ? (
          <ul role="status" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
            {regionsWithoutRota.map((r) => (
              <li key={r}>{t("rotas.regionWithoutRota", { region: tt(`region.${r}`) })}</li>
            ))}
          </ul>
        ) : null}
        <Card>
          <Table caption={t("rotas.title")}>
            <thead>
              <tr>
                <Th>{t("rotas.name")}</Th>
                <Th>{t("rotas.region")}</Th>
                <Th>{t("primary")}</Th>
                <Th>{t("secondary")}</Th>
                <Th>{t("rotas.timeZone")}</Th>
              </tr>
            </thead>
            <tbody>
              {rotas.map((r) => (
                <tr key={r.rotaId}>
                  <Td>
                    <Link href={`/on-call/rotas/${r.rotaId}`} className="font-medium text-indigo-700 hover:underline">
                      {r.name}
                    </Link>
                    <p className={r.gaps.length ? "text-xs text-red-700" : "text-xs text-slate-500"}>
                      {t("rotas.gapsAhead", { n: r.gaps.length })}
                    </p>
                  </Td>
                  <Td>
                    {tt(`region.${r.region}`)}
                    {r.productArea ? ` · ${tt(`tickets.productAreas.${r.productArea}`)}` : ""}
                  </Td>
                  <Td>{r.primary?.name ?? <span className="text-red-700">{t("nobody")}</span>}</Td>
                  <Td>{r.secondary?.name ?? t("nobody")}</Td>
                  <Td>{r.timeZone}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
        {manage ? (
          <Card>
            <AtRiskForm percent={settings.atRiskPercent} />
          </Card>
        ) : null}
      </div>
    </>
  );
}
