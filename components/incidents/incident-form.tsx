"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useNow, useTimeZone, useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { ErrorSummary, inputClass, useFormErrors } from "@/components/ui/form";
import { useHydrated } from "@/components/ui/use-hydrated";
import { INCIDENT_SEVERITIES, PRODUCT_AREAS, REGIONS, type ProductArea, type Region } from "@/db/schema/enums";
import type { IncidentInput } from "@/server/incidents/input";
import { fromLocalInput, toLocalInput } from "./zoned";

type Severity = (typeof INCIDENT_SEVERITIES)[number];

/** An incident as the form holds it: the write's input, with no start yet while a new one is typed. */
export type IncidentFormValues = Omit<IncidentInput, "startedAt"> & { id?: number; startedAt: Date | null };

/** Record or correct an incident; times are entered in the viewer's own zone, which the labels name. */
export function IncidentForm({ initial, zoneLabel }: { initial?: IncidentFormValues; zoneLabel: string }) {
  const t = useTranslations("incidents.form");
  const tt = useTranslations();
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const zone = useTimeZone() ?? "UTC";
  const now = useNow();
  const [planned, setPlanned] = useState(initial?.planned ?? false);
  const [ongoing, setOngoing] = useState(initial ? initial.endedAt === null : false);
  const [all, setAll] = useState(initial?.allOrganizations ?? true);
  const [chosen, setChosen] = useState<number[]>(initial?.organizationIds ?? []);
  const [filter, setFilter] = useState("");
  const { errors, setErrors, setFormError, clearErrors, onError, fieldError, summary } = useFormErrors();
  const orgs = useQuery(trpc.incidents.organizations.queryOptions());
  const create = useMutation(
    trpc.incidents.create.mutationOptions({
      onError,
      // The incident's page says how many subscribed customers were told, and flags short notice.
      onSuccess: ({ id, notified, shortNotice }) =>
        router.push(`/incidents/${id}?notified=${notified}${shortNotice ? "&shortNotice=1" : ""}`),
    }),
  );
  const update = useMutation(
    trpc.incidents.update.mutationOptions({
      onError,
      onSuccess: () => {
        router.push(`/incidents/${initial?.id}`);
        router.refresh();
      },
    }),
  );
  const pending = create.isPending || update.isPending;
  const shown = (orgs.data ?? []).filter((o) => o.name.toLowerCase().includes(filter.trim().toLowerCase()));

  return (
    <form
      noValidate
      className="space-y-5"
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        clearErrors();
        const startedAt = fromLocalInput(String(f.get("startedAt") ?? ""), zone);
        const endedAt = ongoing ? null : fromLocalInput(String(f.get("endedAt") ?? ""), zone);
        const announcedAt = planned ? fromLocalInput(String(f.get("announcedAt") ?? ""), zone) : null;
        const missing: Record<string, string[]> = {};
        if (!startedAt) missing.startedAt = [t("required.startedAt")];
        if (!ongoing && !endedAt) missing.endedAt = [t("required.endedAt")];
        if (planned && !announcedAt) missing.announcedAt = [t("required.announcedAt")];
        if (Object.keys(missing).length > 0 || !startedAt) {
          setErrors(missing);
          setFormError(tt("incidents.form.fixFields"));
          return;
        }
        const values = {
          title: String(f.get("title") ?? ""),
          productArea: String(f.get("productArea") ?? "") as ProductArea,
          severity: String(f.get("severity") ?? "") as Severity,
          regions: f.getAll("regions").map(String) as Region[],
          startedAt,
          endedAt,
          planned,
          announcedAt,
          allOrganizations: all,
          organizationIds: all ? [] : chosen,
          summary: String(f.get("summary") ?? ""),
        };
        if (initial?.id) update.mutate({ id: initial.id, ...values });
        else create.mutate(values);
      }}
    >
      <div>
        <label htmlFor="title" className="block text-sm font-medium text-slate-700">
          {t("title")}
        </label>
        <input
          id="title"
          name="title"
          required
          maxLength={200}
          defaultValue={initial?.title}
          aria-invalid={!!errors.title}
          aria-describedby={errors.title ? "title-error" : undefined}
          className={inputClass}
        />
        {fieldError("title")}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="productArea" className="block text-sm font-medium text-slate-700">
            {t("productArea")}
          </label>
          <select
            id="productArea"
            name="productArea"
            defaultValue={initial?.productArea ?? ""}
            required
            className={inputClass}
          >
            <option value="" disabled>
              {t("choose")}
            </option>
            {PRODUCT_AREAS.map((a) => (
              <option key={a} value={a}>
                {tt(`tickets.productAreas.${a}`)}
              </option>
            ))}
          </select>
          {fieldError("productArea")}
        </div>
        <div>
          <label htmlFor="severity" className="block text-sm font-medium text-slate-700">
            {t("severity")}
          </label>
          <select id="severity" name="severity" defaultValue={initial?.severity ?? "major"} className={inputClass}>
            {INCIDENT_SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {tt(`incidents.severity.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">{t("regions")}</legend>
        <div className="mt-1 flex flex-wrap gap-4">
          {REGIONS.map((r) => (
            <label key={r} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="regions"
                value={r}
                defaultChecked={initial ? initial.regions.includes(r) : false}
              />
              {tt(`region.${r}`)}
            </label>
          ))}
        </div>
        {fieldError("regions")}
      </fieldset>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">{t("kind")}</legend>
        <div className="mt-1 flex flex-wrap gap-4">
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="kind" checked={!planned} onChange={() => setPlanned(false)} />
            {t("kindOutage")}
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="kind" checked={planned} onChange={() => setPlanned(true)} />
            {t("kindMaintenance")}
          </label>
        </div>
        {planned ? <p className="mt-1 text-xs text-slate-500">{t("maintenanceRule")}</p> : null}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="startedAt" className="block text-sm font-medium text-slate-700">
            {t("startedAt", { zone: zoneLabel })}
          </label>
          <input
            id="startedAt"
            name="startedAt"
            type="datetime-local"
            defaultValue={toLocalInput(initial?.startedAt ?? null, zone)}
            max={planned ? undefined : toLocalInput(now, zone)}
            aria-invalid={!!errors.startedAt}
            aria-describedby={errors.startedAt ? "startedAt-error" : undefined}
            className={inputClass}
          />
          {fieldError("startedAt")}
        </div>
        <div>
          <label htmlFor="endedAt" className="block text-sm font-medium text-slate-700">
            {t("endedAt", { zone: zoneLabel })}
          </label>
          <input
            id="endedAt"
            name="endedAt"
            type="datetime-local"
            disabled={ongoing}
            defaultValue={toLocalInput(initial?.endedAt ?? null, zone)}
            aria-invalid={!!errors.endedAt}
            aria-describedby={errors.endedAt ? "endedAt-error" : undefined}
            className={`${inputClass} disabled:bg-slate-100`}
          />
          <label className="mt-2 flex items-center gap-2 text-sm">
            <input type="checkbox" checked={ongoing} onChange={(e) => setOngoing(e.target.checked)} />
            {t("ongoing")}
          </label>
          {fieldError("endedAt")}
        </div>
      </div>
      {planned ? (
        <div className="sm:w-1/2">
          <label htmlFor="announcedAt" className="block text-sm font-medium text-slate-700">
            {t("announcedAt", { zone: zoneLabel })}
          </label>
          <input
            id="announcedAt"
            name="announcedAt"
            type="datetime-local"
            defaultValue={toLocalInput(initial?.announcedAt ?? null, zone)}
            aria-invalid={!!errors.announcedAt}
            aria-describedby={errors.announcedAt ? "announcedAt-error" : undefined}
            className={inputClass}
          />
          {fieldError("announcedAt")}
        </div>
      ) : null}
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">{t("affected")}</legend>
        <div className="mt-1 flex flex-wrap gap-4">
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="scope" checked={all} onChange={() => setAll(true)} />
            {t("affectedAll")}
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="scope" checked={!all} onChange={() => setAll(false)} />
            {t("affectedList")}
          </label>
        </div>
        {!all ? (
          <div className="mt-2 rounded-lg border border-slate-200 bg-slate-50 p-3">
            <label htmlFor="org-filter" className="block text-sm font-medium text-slate-700">
              {t("findOrganization")}
            </label>
            <input id="org-filter" value={filter} onChange={(e) => setFilter(e.target.value)} className={inputClass} />
            <p className="mt-2 text-xs text-slate-600">{t("chosenCount", { n: chosen.length })}</p>
            {orgs.isError ? <p className="mt-2 text-sm text-red-700">{tt("common.errorBody")}</p> : null}
            <ul className="mt-2 max-h-56 space-y-1 overflow-y-auto" aria-label={t("affectedList")}>
              {shown.map((o) => (
                <li key={o.id}>
                  <label className="flex items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      checked={chosen.includes(o.id)}
                      onChange={(e) =>
                        setChosen((c) => (e.target.checked ? [...c, o.id] : c.filter((x) => x !== o.id)))
                      }
                    />
                    <span>
                      {o.name}{" "}
                      <span className="text-xs text-slate-500">
                        · {tt(`region.${o.region}`)} · {tt(`tier.${o.tierCode}`)}
                      </span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {fieldError("organizationIds")}
      </fieldset>
      <div>
        <label htmlFor="summary" className="block text-sm font-medium text-slate-700">
          {t("summary")}
        </label>
        <p className="text-xs text-slate-500">{t("summaryHint")}</p>
        <textarea
          id="summary"
          name="summary"
          rows={4}
          defaultValue={initial?.summary}
          aria-invalid={!!errors.summary}
          aria-describedby={errors.summary ? "summary-error" : undefined}
          className={inputClass}
        />
        {fieldError("summary")}
      </div>
      <ErrorSummary {...summary} />
      <button
        type="submit"
        disabled={!hydrated || pending}
        className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-50"
      >
        {pending ? t("saving") : initial?.id ? t("saveChanges") : t("create")}
      </button>
    </form>
  );
}
