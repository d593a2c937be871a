"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { inputClass, useFormErrors } from "@/components/ui/form";
import { PRODUCT_AREAS, REGIONS, type ProductArea, type Region, type RotaKind } from "@/db/schema/enums";

type Person = { id: number; name: string; role: string };
export type RotaValues = {
  id?: number;
  name: string;
  region: Region;
  productArea: ProductArea | null;
  timeZone: string;
  kind: RotaKind;
  startDate: string;
  handoverTime: string;
  managerId: number | null;
  ackMinutesP0: number;
  ackMinutesP1: number;
  members: number[];
};

/**
 * A manager's rota form: region and area, zone, handover, escalation manager and the rotation order.
 * `members` names the rotation's people as the rota has them, with those who may no longer be on call
 * (deactivated, or no longer support staff): they are not among the candidates.
 */
export function RotaForm({
  initial,
  candidates,
  members = [],
}: {
  initial: RotaValues;
  candidates: Person[];
  members?: { id: number; name: string; available: boolean }[];
}) {
  const t = useTranslations("onCall.rotas");
  const tt = useTranslations();
  const trpc = useTRPC();
  const router = useRouter();
  const { formError, clearErrors, onError, fieldError } = useFormErrors();
  const [v, setV] = useState(initial);
  const [saved, setSaved] = useState(false);
  const [adding, setAdding] = useState("");
  const save = useMutation(
    trpc.onCall.saveRota.mutationOptions({
      onSuccess: ({ id }) => {
        setSaved(true);
        if (!initial.id) router.push(`/on-call/rotas/${id}`);
        else router.refresh();
      },
      onError,
    }),
  );
  const name = (id: number) =>
    candidates.find((c) => c.id === id)?.name ?? members.find((m) => m.id === id)?.name ?? String(id);
  const unavailable = (id: number) => members.some((m) => m.id === id && !m.available);
  const set = <K extends keyof RotaValues>(k: K, value: RotaValues[K]) => {
    setSaved(false);
    setV((old) => ({ ...old, [k]: value }));
  };
  const label = "block text-sm font-medium text-slate-700";

  return (
    <form
      aria-label={initial.id ? t("edit") : t("new")}
      className="grid gap-4 sm:grid-cols-2"
      onSubmit={(e) => {
        e.preventDefault();
        clearErrors();
        save.mutate({ ...v, managerId: v.managerId ?? 0 });
      }}
    >
      <label className={label}>
        {t("name")}
        <input className={inputClass} value={v.name} onChange={(e) => set("name", e.target.value)} required />
        {fieldError("name")}
      </label>
      <label className={label}>
        {t("timeZone")}
        <input className={inputClass} value={v.timeZone} onChange={(e) => set("timeZone", e.target.value)} required />
      </label>
      <label className={label}>
        {t("region")}
        <select className={inputClass} value={v.region} onChange={(e) => set("region", e.target.value as Region)}>
          {REGIONS.map((r) => (
            <option key={r} value={r}>
              {tt(`region.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <label className={label}>
        {t("productArea")}
        <select
          className={inputClass}
          value={v.productArea ?? ""}
          onChange={(e) => set("productArea", (e.target.value || null) as ProductArea | null)}
        >
          <option value="">{tt("onCall.anyArea")}</option>
          {PRODUCT_AREAS.map((a) => (
            <option key={a} value={a}>
              {tt(`tickets.productAreas.${a}`)}
            </option>
          ))}
        </select>
      </label>
      <label className={label}>
        {t("kind")}
        <select className={inputClass} value={v.kind} onChange={(e) => set("kind", e.target.value as RotaKind)}>
          <option value="weekly">{t("kinds.weekly")}</option>
          <option value="custom">{t("kinds.custom")}</option>
        </select>
      </label>
      <label className={label}>
        {t("manager")}
        <select
          className={inputClass}
          value={v.managerId ?? ""}
          onChange={(e) => set("managerId", e.target.value ? Number(e.target.value) : null)}
          required
        >
          <option value="">{t("choose")}</option>
          {candidates
            .filter((c) => c.role === "manager")
            .map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
        </select>
      </label>
      <label className={label}>
        {t("startDate")}
        <input
          type="date"
          className={inputClass}
          value={v.startDate}
          onChange={(e) => set("startDate", e.target.value)}
          required
        />
      </label>
      <label className={label}>
        {t("handoverTime")}
        <input
          type="time"
          className={inputClass}
          value={v.handoverTime}
          onChange={(e) => set("handoverTime", e.target.value)}
          required
        />
      </label>
      <label className={label}>
        {t("ackP0")}
        <input
          type="number"
          min={1}
          max={60}
          className={inputClass}
          value={v.ackMinutesP0}
          onChange={(e) => set("ackMinutesP0", Number(e.target.value))}
        />
      </label>
      <label className={label}>
        {t("ackP1")}
        <input
          type="number"
          min={1}
          max={240}
          className={inputClass}
          value={v.ackMinutesP1}
          onChange={(e) => set("ackMinutesP1", Number(e.target.value))}
        />
      </label>
      <fieldset className="sm:col-span-2">
        <legend className={label}>{t("members")}</legend>
        <ol className="mt-2 space-y-1">
          {v.members.map((id, i) => (
            <li key={id} className="flex items-center gap-2 text-sm">
              <span className="w-6 text-right text-slate-500">{i + 1}.</span>
              <span className="font-medium">{name(id)}</span>
              {unavailable(id) ? <span className="text-red-700">{t("unavailable")}</span> : null}
              {i > 0 ? (
                <button
                  type="button"
                  className="px-1 py-1 text-indigo-700 hover:underline"
                  aria-label={`${t("up")}: ${name(id)}`}
                  onClick={() => {
                    const m = [...v.members];
                    [m[i - 1], m[i]] = [m[i]!, m[i - 1]!];
                    set("members", m);
                  }}
                >
                  {t("up")}
                </button>
              ) : null}
              <button
                type="button"
                className="px-1 py-1 text-red-700 hover:underline"
                aria-label={`${t("remove")}: ${name(id)}`}
                onClick={() =>
                  set(
                    "members",
                    v.members.filter((m) => m !== id),
                  )
                }
              >
                {t("remove")}
              </button>
            </li>
          ))}
        </ol>
        <div className="mt-2 flex flex-wrap items-end gap-2">
          <label className="text-sm">
            <span className="sr-only">{t("addMember")}</span>
            <select
              className={inputClass}
              value={adding}
              onChange={(e) => setAdding(e.target.value)}
              aria-label={t("person")}
            >
              <option value="">{t("choose")}</option>
              {candidates
                .filter((c) => !v.members.includes(c.id))
                .map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
            </select>
          </label>
          <button
            type="button"
            className="rounded-md border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-50"
            onClick={() => {
              if (!adding) return;
              set("members", [...v.members, Number(adding)]);
              setAdding("");
            }}
          >
            {t("addMember")}
          </button>
        </div>
        {fieldError("members")}
      </fieldset>
      <div className="sm:col-span-2">
        {formError ? (
          <p role="alert" className="mb-2 text-sm text-red-700">
            {formError}
          </p>
        ) : null}
        {saved ? (
          <p role="status" className="mb-2 text-sm text-emerald-700">
            {t("saved")}
          </p>
        ) : null}
        <button
          type="submit"
          disabled={save.isPending}
          className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-800 disabled:opacity-60"
        >
          {t("save")}
        </button>
      </div>
    </form>
  );
}
