"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { FormAlert, inputClass, SubmitButton, useFormErrors } from "@/components/ui/form";
import { FEATURE_STATUSES, SCOPE_DECISIONS, type FeatureStatus, type ScopeDecision } from "@/db/schema/enums";

/**
 * The request part of a ticket page: a feature request's roadmap status, acknowledgement target and
 * votes (staff set the status), or a custom development request's scoping (its account manager edits).
 * Renders nothing for other tickets.
 */
export function RequestPanels({
  ticketId,
  canManageFeature,
  canScope,
}: {
  ticketId: number;
  canManageFeature: boolean;
  canScope: boolean;
}) {
  const trpc = useTRPC();
  const feature = useQuery(trpc.requests.feature.queryOptions({ ticketId }));
  const scope = useQuery(trpc.requests.scope.queryOptions({ ticketId }));
  return (
    <>
      {feature.data ? <FeaturePanel ticketId={ticketId} data={feature.data} canManage={canManageFeature} /> : null}
      {scope.data ? <ScopePanel ticketId={ticketId} data={scope.data} canScope={canScope} /> : null}
    </>
  );
}

/** A panel form's save state: errors cleared and "Saved." hidden when it starts, shown when it succeeds. */
function usePanelSave(onDone: () => void) {
  const errors = useFormErrors();
  const [saved, setSaved] = useState(false);
  const handlers = {
    onMutate: () => {
      errors.clearErrors();
      setSaved(false);
    },
    onError: errors.onError,
    onSuccess: () => {
      setSaved(true);
      onDone();
    },
  };
  return { ...errors, saved, handlers };
}

/** A panel form's last row: the save button, "Saved." once saved, and the form's one error. */
function PanelFooter({
  pending,
  saved,
  formError,
  label,
}: {
  pending: boolean;
  saved: boolean;
  formError: string | null;
  label: string;
}) {
  const t = useTranslations("roadmap");
  return (
    <>
      <div className="flex items-center gap-3 sm:col-span-3">
        <SubmitButton pending={pending} label={label} pendingLabel={t("saving")} />
        {saved ? (
          <span role="status" className="text-sm text-green-700">
            {t("saved")}
          </span>
        ) : null}
      </div>
      <div className="sm:col-span-3">
        <FormAlert message={formError} />
      </div>
    </>
  );
}

type Feature = {
  status: FeatureStatus;
  publicTitle: string;
  publicNote: string | null;
  ackDays: number;
  ackDueAt: Date;
  votes: number;
  byOrganization: { organization: string; votes: number }[];
};

function FeaturePanel({ ticketId, data, canManage }: { ticketId: number; data: Feature; canManage: boolean }) {
  const t = useTranslations("roadmap");
  // The roadmap's status names, read by their own group so that no key looks like one of the status page's.
  const statusName = useTranslations("roadmap.status");
  const format = useFormatter();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [status, setStatus] = useState<FeatureStatus>(data.status);
  const [note, setNote] = useState(data.publicNote ?? "");
  const [ackDays, setAckDays] = useState(String(data.ackDays));
  const { formError, fieldError, saved, handlers } = usePanelSave(
    () => void qc.invalidateQueries({ queryKey: trpc.requests.feature.queryKey({ ticketId }) }),
  );
  const save = useMutation(trpc.requests.setStatus.mutationOptions(handlers));
  return (
    <Card title={t("panelTitle")}>
      <dl className="grid gap-2 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-slate-600">{t("statusLabel")}</dt>
          <dd>
            <Badge tone={data.status === "planned" ? "brand" : data.status === "shipped" ? "green" : "neutral"}>
              {statusName(data.status)}
            </Badge>
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">{t("ackTarget")}</dt>
          <dd>
            {t("ackDue", {
              days: data.ackDays,
              due: format.dateTime(data.ackDueAt, { dateStyle: "medium", timeStyle: "short" }),
            })}
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">{t("votesLabel")}</dt>
          <dd>
            {data.votes}
            {data.byOrganization.length > 0 ? (
              <ul className="text-xs text-slate-600">
                {data.byOrganization.map((o) => (
                  <li key={o.organization}>{t("orgVotes", { organization: o.organization, votes: o.votes })}</li>
                ))}
              </ul>
            ) : null}
          </dd>
        </div>
      </dl>
      {data.publicNote ? <p className="mt-2 text-sm text-slate-700">{data.publicNote}</p> : null}
      <p className="mt-2 text-xs text-slate-600">{t("outsideSla")}</p>
      {canManage ? (
        <form
          noValidate
          className="mt-4 grid gap-3 border-t border-slate-200 pt-4 sm:grid-cols-3"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({ ticketId, status, publicNote: note.trim() || null, ackDays: Number(ackDays) });
          }}
        >
          <label className="block text-sm font-medium text-slate-700">
            {t("statusLabel")}
            <select value={status} onChange={(e) => setStatus(e.target.value as FeatureStatus)} className={inputClass}>
              {FEATURE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {statusName(s)}
                </option>
              ))}
            </select>
          </label>
          <label className="block text-sm font-medium text-slate-700">
            {t("ackDaysLabel")}
            <input
              type="number"
              min={1}
              max={60}
              value={ackDays}
              onChange={(e) => setAckDays(e.target.value)}
              className={inputClass}
            />
            {fieldError("ackDays")}
          </label>
          <label className="block text-sm font-medium text-slate-700 sm:col-span-3">
            {t("publicNote")}
            <textarea
              value={note}
              onChange={(e) => setNote(e.target.value)}
              rows={2}
              maxLength={2000}
              className={inputClass}
            />
            {fieldError("publicNote")}
          </label>
          <PanelFooter pending={save.isPending} saved={saved} formError={formError} label={t("saveStatus")} />
        </form>
      ) : null}
    </Card>
  );
}

type Scope = {
  accountManager: string | null;
  estimateDays: number | null;
  quoteReference: string | null;
  decision: ScopeDecision | null;
  updatedAt: Date | null;
};

function ScopePanel({ ticketId, data, canScope }: { ticketId: number; data: Scope; canScope: boolean }) {
  const t = useTranslations("customDevelopment");
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [estimate, setEstimate] = useState(data.estimateDays === null ? "" : String(data.estimateDays));
  const [quote, setQuote] = useState(data.quoteReference ?? "");
  const [decision, setDecision] = useState<ScopeDecision | "">(data.decision ?? "");
  const { formError, fieldError, saved, handlers } = usePanelSave(
    () => void qc.invalidateQueries({ queryKey: trpc.requests.scope.queryKey({ ticketId }) }),
  );
  const save = useMutation(trpc.requests.saveScope.mutationOptions(handlers));
  return (
    <Card title={t("title")}>
      <p className="text-sm text-slate-700">
        {t("owner", { name: data.accountManager ?? t("noAccountManager") })} {t("outsideSla")}
      </p>
      <dl className="mt-2 grid gap-2 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-slate-600">{t("estimate")}</dt>
          <dd>{data.estimateDays === null ? "—" : t("days", { days: data.estimateDays })}</dd>
        </div>
        <div>
          <dt className="text-slate-600">{t("quote")}</dt>
          <dd>{data.quoteReference ?? "—"}</dd>
        </div>
        <div>
          <dt className="text-slate-600">{t("decision")}</dt>
          <dd>{data.decision ? t(`decisions.${data.decision}`) : t("pending")}</dd>
        </div>
      </dl>
      {canScope ? (
        <form
          noValidate
          className="mt-4 grid gap-3 border-t border-slate-200 pt-4 sm:grid-cols-3"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({
              ticketId,
              estimateDays: estimate.trim() === "" ? null : Number(estimate),
              quoteReference: quote.trim() || null,
              decision: decision || null,
            });
          }}
        >
          <label className="block text-sm font-medium text-slate-700">
            {t("estimate")}
            <input
              type="number"
              min={1}
              value={estimate}
              onChange={(e) => setEstimate(e.target.value)}
              className={inputClass}
            />
            {fieldError("estimateDays")}
          </label>
          <label className="block text-sm font-medium text-slate-700">
            {t("quote")}
            <input value={quote} onChange={(e) => setQuote(e.target.value)} maxLength={80} className={inputClass} />
            {fieldError("quoteReference")}
          </label>
          <label className="block text-sm font-medium text-slate-700">
            {t("decision")}
            <select
              value={decision}
              onChange={(e) => setDecision(e.target.value as ScopeDecision | "")}
              className={inputClass}
            >
              <option value="">{t("pending")}</option>
              {SCOPE_DECISIONS.map((d) => (
                <option key={d} value={d}>
                  {t(`decisions.${d}`)}
                </option>
              ))}
            </select>
          </label>
          <PanelFooter pending={save.isPending} saved={saved} formError={formError} label={t("save")} />
        </form>
      ) : null}
    </Card>
  );
}
