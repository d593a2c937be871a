"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { inputClass, useFormErrors } from "@/components/ui/form";
import { WEBHOOK_EVENTS, type WebhookEvent } from "@/db/schema/enums";

/** An admin registers a webhook; its signing secret is shown once, right after saving. */
export function WebhookForm() {
  const t = useTranslations("webhooks");
  const trpc = useTRPC();
  const router = useRouter();
  const { formError, clearErrors, onError, fieldError } = useFormErrors();
  const [name, setName] = useState("");
  const [url, setUrl] = useState("https://");
  const [events, setEvents] = useState<WebhookEvent[]>(["page"]);
  const [secret, setSecret] = useState<string | null>(null);
  const save = useMutation(
    trpc.webhooks.save.mutationOptions({
      onSuccess: (r) => {
        setSecret(r.secret);
        setName("");
        setUrl("https://");
        router.refresh();
      },
      onError,
    }),
  );
  return (
    <form
      aria-label={t("new")}
      className="grid gap-3 sm:grid-cols-2"
      onSubmit={(e) => {
        e.preventDefault();
        clearErrors();
        setSecret(null);
        save.mutate({ name, url, events, active: true });
      }}
    >
      <label className="block text-sm font-medium text-slate-700">
        {t("name")}
        <input className={inputClass} value={name} onChange={(e) => setName(e.target.value)} required />
        {fieldError("name")}
      </label>
      <label className="block text-sm font-medium text-slate-700">
        {t("url")}
        <input type="url" className={inputClass} value={url} onChange={(e) => setUrl(e.target.value)} required />
        {fieldError("url")}
      </label>
      <fieldset className="sm:col-span-2">
        <legend className="text-sm font-medium text-slate-700">{t("events")}</legend>
        <div className="mt-1 flex flex-wrap gap-4">
          {WEBHOOK_EVENTS.map((ev) => (
            <label key={ev} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={events.includes(ev)}
                onChange={(e) => setEvents(e.target.checked ? [...events, ev] : events.filter((x) => x !== ev))}
              />
              {t(`eventNames.${ev}`)}
            </label>
          ))}
        </div>
        {fieldError("events")}
      </fieldset>
      <div className="sm:col-span-2">
        {formError ? (
          <p role="alert" className="mb-2 text-sm text-red-700">
            {formError}
          </p>
        ) : null}
        {secret ? (
          <p
            role="status"
            className="mb-2 rounded-md bg-emerald-50 px-3 py-2 font-mono text-sm break-all text-emerald-900"
          >
            {t("secretOnce", { secret })}
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

/** Disables or enables a webhook, gives it a new signing secret (shown once), or deletes it. */
export function WebhookActions({
  hook,
}: {
  hook: { id: number; name: string; url: string; events: WebhookEvent[]; active: boolean };
}) {
  const t = useTranslations("webhooks");
  const trpc = useTRPC();
  const router = useRouter();
  // A webhook saved before its URL's destination was refused cannot be enabled again: say why.
  const [refused, setRefused] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const remove = useMutation(trpc.webhooks.delete.mutationOptions({ onSuccess: () => router.refresh() }));
  const setActive = useMutation(
    trpc.webhooks.save.mutationOptions({
      onSuccess: () => router.refresh(),
      onError: (err) => setRefused(err.message),
    }),
  );
  const rotate = useMutation(
    trpc.webhooks.rotateSecret.mutationOptions({
      onSuccess: (r) => setSecret(r.secret),
      onError: (err) => setRefused(err.message),
    }),
  );
  const button = "text-sm font-medium text-indigo-700 hover:underline disabled:opacity-60";
  return (
    <span className="flex flex-col items-end gap-2">
      <span className="flex gap-3">
        {refused ? (
          <span role="alert" className="text-sm text-red-700">
            {refused}
          </span>
        ) : null}
        <button
          type="button"
          className={button}
          disabled={setActive.isPending}
          aria-label={`${hook.active ? t("disable") : t("enable")}: ${hook.name}`}
          onClick={() => {
            setRefused(null);
            setActive.mutate({ ...hook, active: !hook.active });
          }}
        >
          {hook.active ? t("disable") : t("enable")}
        </button>
        <button
          type="button"
          className={button}
          disabled={rotate.isPending}
          aria-label={`${t("rotate")}: ${hook.name}`}
          onClick={() => {
            if (!window.confirm(t("confirmRotate", { name: hook.name }))) return;
            setRefused(null);
            setSecret(null);
            rotate.mutate({ id: hook.id });
          }}
        >
          {t("rotate")}
        </button>
        <button
          type="button"
          className="text-sm font-medium text-red-700 hover:underline"
          aria-label={`${t("delete")}: ${hook.name}`}
          onClick={() => {
            if (window.confirm(t("confirmDelete", { name: hook.name }))) remove.mutate({ id: hook.id });
          }}
        >
          {t("delete")}
        </button>
      </span>
      {secret ? (
        <span
          role="status"
          className="max-w-md rounded-md bg-emerald-50 px-3 py-2 font-mono text-sm break-all text-emerald-900"
        >
          {t("rotated", { secret })}
        </span>
      ) : null}
    </span>
  );
}
