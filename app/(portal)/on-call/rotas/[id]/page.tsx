import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { EntryForm } from "@/components/on-call/entry-form";
import { RemoveEntryButton } from "@/components/on-call/remove-entry-button";
import { RotaForm } from "@/components/on-call/rota-form";
import { Card, PageHeader } from "@/components/ui/card";
import { Refused } from "@/components/ui/refused";
import { Table, Td, Th } from "@/components/ui/table";
import { serverCaller } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";
import { can } from "@/server/auth/permissions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("onCall.rotas"))("title") };
}

/** One rota: its coverage for four weeks in its own zone (gaps marked), entries ahead, and the manager's forms. */
export default async function RotaPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await getSessionUser();
  if (!user || !can(user, "oncall.read")) return <Refused permission="oncall.read" />;
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const api = await serverCaller();
  const data = await api.onCall.rota({ id }).catch(() => null);
  if (!data) notFound();
  const manage = can(user, "oncall.manage");
  const candidates = manage ? await api.onCall.candidates() : [];
  const t = await getTranslations("onCall");
  const format = await getFormatter();
  const zone = data.rota.timeZone;
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: zone });
  return (
    <>
      <PageHeader title={data.rota.name} description={`${t("rotas.manager")}: ${data.rota.manager} · ${zone}`} />
      <div className="space-y-6">
        {data.gaps.length > 0 ? (
          <p role="status" className="rounded-lg border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-800">
            {t("rotas.gapsWarning", { n: data.gaps.length })}
          </p>
        ) : null}
        {data.overlaps.length > 0 ? (
          <p role="status" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
            {t("rotas.overlapWarning")}
          </p>
        ) : null}
        <Card title={t("rotas.coverageTitle", { zone })}>
          <Table caption={t("rotas.coverageTitle", { zone })}>
            <thead>
              <tr>
                <Th>{t("rotas.from")}</Th>
                <Th>{t("rotas.to")}</Th>
                <Th>{t("primary")}</Th>
                <Th>{t("secondary")}</Th>
              </tr>
            </thead>
            <tbody>
              {data.coverage.map((c) => (
                <tr key={c.startsAt.getTime()} className={c.primary ? "" : "bg-red-50"}>
                  <Td>{when(c.startsAt)}</Td>
                  <Td>{when(c.endsAt)}</Td>
                  <Td>{c.primary?.name ?? <strong className="text-red-700">{t("rotas.gap")}</strong>}</Td>
                  <Td>{c.secondary?.name ?? t("nobody")}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
        <Card title={t("rotas.entriesTitle")}>
          {data.entries.length === 0 ? (
            <p className="text-sm text-slate-600">{t("rotas.noEntries")}</p>
          ) : (
            <ul className="mb-4 space-y-1 text-sm">
              {data.entries.map((e) => (
                <li key={e.id} className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{t(`rotas.entryKinds.${e.kind}`)}</span>
                  <span>
                    {e.person.name} ({t(e.role)}): {when(e.startsAt)} – {when(e.endsAt)}
                  </span>
                  {e.note ? <span className="text-slate-500">{e.note}</span> : null}
                  {manage ? <RemoveEntryButton id={e.id} label={t("rotas.remove")} /> : null}
                </li>
              ))}
            </ul>
          )}
          {manage ? <EntryForm rotaId={data.rota.id} rotaKind={data.rota.kind} candidates={candidates} /> : null}
        </Card>
        {manage ? (
          <Card title={t("rotas.edit")}>
            <RotaForm
              candidates={candidates}
              members={data.members}
              initial={{
                id: data.rota.id,
                name: data.rota.name,
                region: data.rota.region,
                productArea: data.rota.productArea,
                timeZone: data.rota.timeZone,
                kind: data.rota.kind,
                startDate: data.rota.startDate,
                handoverTime: data.rota.handoverTime,
                managerId: data.rota.managerId,
                ackMinutesP0: data.rota.ackMinutesP0,
                ackMinutesP1: data.rota.ackMinutesP1,
                members: data.members.map((m) => m.id),
              }}
            />
          </Card>
        ) : null}
      </div>
    </>
  );
}
