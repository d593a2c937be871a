"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { inputClass, useFormErrors } from "@/components/ui/form";
import type { OnCallRole, RotaKind, RotaShiftKind } from "@/db/schema/enums";

/** Adds a shift (custom rotas) or an override (a holiday, a swap) in the rota's local time. */
export function EntryForm({
  rotaId,
  rotaKind,
  candidates,
}: {
  rotaId: number;
  rotaKind: RotaKind;
  candidates: { id: number; name: string }[];
}) {
  const t = useTranslations("onCall.rotas");
  const tc = useTranslations("onCall");
  const trpc = useTRPC();
  const router = useRouter();
  const { formError, clearErrors, onError, fieldError } = useFormErrors();
  const [kind, setKind] = useState<RotaShiftKind>(rotaKind === "custom" ? "shift" : "override");
  const [role, setRole] = useState<OnCallRole>("primary");
  const [userId, setUserId] = useState("");
  const [startsLocal, setStarts] = useState("");
  const [endsLocal, setEnds] = useState("");
  const [note, setNote] = useState("");
  const add = useMutation(
    trpc.onCall.addShift.mutationOptions({
      onSuccess: () => {
        setNote("");
        router.refresh();
      },
      onError,
    }),
  );
  const label = "block text-sm font-medium text-slate-700";
  return (
    <form
      aria-label={t("addEntry")}
      className="grid gap-3 sm:grid-cols-3"
      onSubmit={(e) => {
        e.preventDefault();
        clearErrors();
        add.mutate({ rotaId, kind, role, userId: Number(userId), startsLocal, endsLocal, note: note.trim() || null });
      }}
    >
      <label className={label}>
        {t("entryKind")}
        <select className={inputClass} value={kind} onChange={(e) => setKind(e.target.value as RotaShiftKind)}>
          {rotaKind === "custom" ? <option value="shift">{t("entryKinds.shift")}</option> : null}
          <option value="override">{t("entryKinds.override")}</option>
        </select>
      </label>
      <label className={label}>
        {t("role")}
        <select className={inputClass} value={role} onChange={(e) => setRole(e.target.value as OnCallRole)}>
          <option value="primary">{tc("primary")}</option>
          <option value="secondary">{tc("secondary")}</option>
        </select>
      </label>
      <label className={label}>
        {t("person")}
        <select className={inputClass} value={userId} onChange={(e) => setUserId(e.target.value)} required>
          <option value="">{t("choose")}</option>
          {candidates.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label className={label}>
        {t("starts")}
        <input
          type="datetime-local"
          className={inputClass}
          value={startsLocal}
          onChange={(e) => setStarts(e.target.value)}
          required
        />
        {fieldError("startsLocal")}
      </label>
      <label className={label}>
        {t("ends")}
        <input
          type="datetime-local"
          className={inputClass}
          value={endsLocal}
          onChange={(e) => setEnds(e.target.value)}
          required
        />
        {fieldError("endsLocal")}
      </label>
      <label className={label}>
        {t("note")}
        <input className={inputClass} value={note} maxLength={200} onChange={(e) => setNote(e.target.value)} />
      </label>
      <div className="sm:col-span-3">
        {formError ? (
          <p role="alert" className="mb-2 text-sm text-red-700">
            {formError}
          </p>
        ) : null}
        <button
          type="submit"
          disabled={add.isPending}
          className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-800 disabled:opacity-60"
        >
          {t("addEntry")}
        </button>
      </div>
    </form>
  );
}
