"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Card } from "@/components/ui/card";
import { field, FormAlert, useFormErrors } from "@/components/ui/form";
import { useHydrated } from "@/components/ui/use-hydrated";
import { MACRO_STATUSES, TICKET_CATEGORIES } from "@/db/schema/enums";
import { MACRO_PLACEHOLDERS } from "@/server/macros/placeholders";

/** Each placeholder's explanation (message keys cannot contain dots). */
const PLACEHOLDER_HELP = {
  "customer.name": "customerName",
  "ticket.number": "ticketNumber",
  "ticket.due": "ticketDue",
} as const satisfies Record<(typeof MACRO_PLACEHOLDERS)[number], string>;

type Macro = {
  id: number;
  shared: boolean;
  titleEn: string;
  titleZh: string;
  bodyEn: string;
  bodyZh: string;
  setStatus: (typeof MACRO_STATUSES)[number] | null;
  setCategory: (typeof TICKET_CATEGORIES)[number] | null;
  assignToMe: boolean;
};

/**
 * The macros page: the shared macros and the viewer's own, each editable by whoever may (shared
 * ones by managers and admins), and the form for a new or changed macro in both languages.
 */
export function MacroManager({ canShare }: { canShare: boolean }) {
  const t = useTranslations("macros");
  const tt = useTranslations();
  const locale = useLocale();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { data } = useSuspenseQuery(trpc.macros.list.queryOptions());
  const [editing, setEditing] = useState<Macro | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.macros.list.queryKey() });
  const remove = useMutation(
    trpc.macros.delete.mutationOptions({
      onSuccess: async () => {
        setNotice(t("deleted"));
        await refresh();
      },
    }),
  );
  const title = (m: Macro) => (locale === "zh" ? m.titleZh : m.titleEn);
  const sets = (m: Macro) =>
    [
      m.setStatus ? tt(`tickets.statuses.${m.setStatus}`) : null,
      m.setCategory ? tt(`tickets.categories.${m.setCategory}`) : null,
      m.assignToMe ? t("assignsToMe") : null,
    ].filter(Boolean);

  const list = (shared: boolean) => {
    const rows = data.filter((m) => m.shared === shared);
    return rows.length === 0 ? (
      <p className="text-sm text-slate-500">{t("empty")}</p>
    ) : (
      <ul className="divide-y divide-slate-100">
        {rows.map((m) => (
          <li key={m.id} className="py-3">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <span className="font-medium text-slate-900">{title(m)}</span>
              {!m.shared || canShare ? (
                <span className="flex gap-3">
                  <button
                    type="button"
                    onClick={() => {
                      setEditing(m);
                      setFormKey((k) => k + 1);
                    }}
                    className="-my-1 px-1 py-1 text-sm font-medium text-brand-700 hover:underline"
                    aria-label={`${t("edit")}: ${title(m)}`}
                  >
                    {t("edit")}
                  </button>
                  <button
                    type="button"
                    disabled={remove.isPending}
                    onClick={() => {
                      if (window.confirm(t("deleteConfirm", { title: title(m) }))) remove.mutate({ id: m.id });
                    }}
                    className="-my-1 px-1 py-1 text-sm font-medium text-red-700 hover:underline"
                    aria-label={`${t("delete")}: ${title(m)}`}
                  >
                    {t("delete")}
                  </button>
                </span>
              ) : null}
            </div>
            <p className="mt-1 line-clamp-2 text-sm whitespace-pre-wrap text-slate-600">
              {locale === "zh" ? m.bodyZh : m.bodyEn}
            </p>
            {sets(m).length > 0 ? (
              <p className="mt-1 text-xs text-amber-800">{t("sets", { what: sets(m).join(", ") })}</p>
            ) : null}
          </li>
        ))}
      </ul>
    );
  };

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <div className="space-y-6">
        {notice ? (
          <p role="status" className="text-sm text-emerald-700">
            {notice}
          </p>
        ) : null}
        <Card id="macros-shared" title={t("shared")} description={t("sharedHelp")}>
          {list(true)}
        </Card>
        <Card id="macros-personal" title={t("personal")} description={t("personalHelp")}>
          {list(false)}
        </Card>
      </div>
      <Card id="macro-form" title={editing ? `${t("edit")}: ${title(editing)}` : t("new")}>
        <MacroForm
          key={formKey}
          macro={editing}
          canShare={canShare}
          onSaved={async () => {
            setNotice(t("saved"));
            setEditing(null);
            setFormKey((k) => k + 1);
            await refresh();
          }}
          onCancel={() => {
            setEditing(null);
            setFormKey((k) => k + 1);
          }}
        />
      </Card>
    </div>
  );
}

function MacroForm({
  macro,
  canShare,
  onSaved,
  onCancel,
}: {
  macro: Macro | null;
  canShare: boolean;
  onSaved: () => Promise<void>;
  onCancel: () => void;
}) {
  const t = useTranslations("macros");
  const tt = useTranslations();
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const { formError, clearErrors, onError, fieldError } = useFormErrors();
  const save = useMutation(trpc.macros.save.mutationOptions({ onMutate: clearErrors, onSuccess: onSaved, onError }));
  return (
    <form
      className="space-y-3 text-sm"
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const text = (k: string) => String(f.get(k) ?? "");
        save.mutate({
          id: macro?.id ?? null,
          shared: canShare && f.get("kind") === "shared",
          titleEn: text("titleEn"),
          titleZh: text("titleZh"),
          bodyEn: text("bodyEn"),
          bodyZh: text("bodyZh"),
          setStatus: (text("setStatus") || null) as Macro["setStatus"],
          setCategory: (text("setCategory") || null) as Macro["setCategory"],
          assignToMe: f.get("assignToMe") === "on",
        });
      }}
    >
      {canShare ? (
        <fieldset className="flex flex-wrap gap-4">
          <legend className="mb-1">{t("kind")}</legend>
          <label className="flex items-center gap-1">
            <input type="radio" name="kind" value="shared" defaultChecked={macro ? macro.shared : true} />{" "}
            {t("kindShared")}
          </label>
          <label className="flex items-center gap-1">
            <input type="radio" name="kind" value="personal" defaultChecked={macro ? !macro.shared : false} />{" "}
            {t("kindPersonal")}
          </label>
        </fieldset>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="block">
          {t("titleEn")}
          <input
            name="titleEn"
            required
            minLength={2}
            maxLength={120}
            defaultValue={macro?.titleEn}
            className={field}
          />
        </label>
        <label className="block">
          {t("titleZh")}
          <input
            name="titleZh"
            required
            minLength={2}
            maxLength={120}
            defaultValue={macro?.titleZh}
            className={field}
          />
        </label>
      </div>
      <label className="block">
        {t("bodyEn")}
        <textarea name="bodyEn" required rows={5} maxLength={20_000} defaultValue={macro?.bodyEn} className={field} />
      </label>
      <label className="block">
        {t("bodyZh")}
        <textarea name="bodyZh" required rows={5} maxLength={20_000} defaultValue={macro?.bodyZh} className={field} />
      </label>
      <div className="rounded-md bg-slate-50 p-2 text-xs text-slate-700">
        <p className="font-medium">{t("placeholders")}</p>
        <ul className="mt-1 space-y-0.5">
          {MACRO_PLACEHOLDERS.map((p) => (
            <li key={p}>
              <code className="rounded bg-white px-1">{`{{${p}}}`}</code> —{" "}
              {t(`placeholderHelp.${PLACEHOLDER_HELP[p]}`)}
            </li>
          ))}
        </ul>
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="block">
          {t("setStatus")}
          <select name="setStatus" defaultValue={macro?.setStatus ?? ""} className={field}>
            <option value="">{t("noChange")}</option>
            {MACRO_STATUSES.map((s) => (
              <option key={s} value={s}>
                {tt(`tickets.statuses.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="block">
          {t("setCategory")}
          <select name="setCategory" defaultValue={macro?.setCategory ?? ""} className={field}>
            <option value="">{t("noChange")}</option>
            {TICKET_CATEGORIES.filter((c) => c !== "custom_development").map((c) => (
              <option key={c} value={c}>
                {tt(`tickets.categories.${c}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="flex items-center gap-2">
        <input type="checkbox" name="assignToMe" defaultChecked={macro?.assignToMe ?? false} /> {t("assignToMe")}
      </label>
      {fieldError("titleEn")}
      {fieldError("titleZh")}
      {fieldError("bodyEn")}
      {fieldError("bodyZh")}
      <FormAlert message={formError} />
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={!hydrated || save.isPending}
          className="rounded-md bg-brand-600 px-3 py-1.5 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {t("save")}
        </button>
        {macro ? (
          <button
            type="button"
            onClick={onCancel}
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-semibold text-slate-800 hover:bg-slate-50"
          >
            {t("cancelEdit")}
          </button>
        ) : null}
      </div>
    </form>
  );
}
