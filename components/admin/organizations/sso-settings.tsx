"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { useHydrated } from "@/components/ui/use-hydrated";
import { Button, FormAlert, inputClass, labelClass, LoadError, StatusNote, useServerErrorText } from "../controls";

type ProviderView = {
  organization: { id: number; name: string; ssoRequired: boolean };
  provider: { issuer: string; clientId: string; hasSecret: boolean; emailDomains: string[]; updatedAt: Date } | null;
};

/**
 * An organization's single sign-on: its OpenID Connect provider (issuer, client id and secret,
 * email domains), "test connection", whether passwords are refused, and removal. The client
 * secret never comes back from the server; a blank field keeps the saved one. Self-contained:
 * give it the organization's id.
 */
export function SsoSettings({ organizationId }: { organizationId: number }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.sso.provider.queryOptions({ organizationId }));
  const t = useTranslations("sso.settings");
  const tCommon = useTranslations("common");
  if (query.isPending) {
    return (
      <section aria-busy="true" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 className="text-base font-semibold text-slate-900">{t("title")}</h2>
        <div role="status" className="mt-4 h-40 animate-pulse rounded bg-slate-100">
          <span className="sr-only">{tCommon("loading")}</span>
        </div>
      </section>
    );
  }
  if (query.isError) return <LoadError onRetry={() => void query.refetch()} />;
  return <SsoForm key={organizationId} view={query.data} />;
}

function SsoForm({ view }: { view: ProviderView }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const t = useTranslations("sso.settings");
  const errorText = useServerErrorText();
  const hydrated = useHydrated();
  const uid = useId();
  const organizationId = view.organization.id;
  const [issuer, setIssuer] = useState(view.provider?.issuer ?? "");
  const [clientId, setClientId] = useState(view.provider?.clientId ?? "");
  const [clientSecret, setClientSecret] = useState("");
  const [domains, setDomains] = useState((view.provider?.emailDomains ?? []).join("\n"));
  const [required, setRequired] = useState(view.organization.ssoRequired);
  const [status, setStatus] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [testResult, setTestResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);

  const refresh = (data: ProviderView) => {
    queryClient.setQueryData(trpc.sso.provider.queryKey({ organizationId }), data);
  };
  const save = useMutation(
    trpc.sso.save.mutationOptions({
      onSuccess: (data) => {
        setFormError(null);
        setClientSecret("");
        setStatus(t("saved"));
        refresh(data);
      },
      onError: (error) => {
        setStatus(null);
        setFormError(t("failed", { message: errorText(error) }));
      },
    }),
  );
  const test = useMutation(
    trpc.sso.testConnection.mutationOptions({
      onSuccess: (r) =>
        setTestResult({
          ok: r.result === "ok",
          text: t(`result.${r.result}`, { issuer: r.issuer ?? issuer, ms: r.elapsedMs }),
        }),
      onError: (error) => setTestResult({ ok: false, text: errorText(error) }),
    }),
  );
  const remove = useMutation(
    trpc.sso.remove.mutationOptions({
      onSuccess: (data) => {
        setConfirmRemove(false);
        setStatus(t("removed"));
        refresh(data);
      },
      onError: (error) => setFormError(errorText(error)),
    }),
  );
  const busy = save.isPending || test.isPending || remove.isPending;
  const domainList = () =>
    domains
      .split(/[\s,;]+/)
      .map((d) => d.trim())
      .filter(Boolean);

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setStatus(null);
    save.mutate({ organizationId, issuer, clientId, clientSecret, emailDomains: domainList(), ssoRequired: required });
  }

  const field = (name: string) => `${uid}-${name}`;
  const redirectUri = hydrated ? `${window.location.origin}/api/sso/callback` : "/api/sso/callback";

  return (
    <section
      aria-labelledby={field("title")}
      className="space-y-5 rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id={field("title")} className="text-base font-semibold text-slate-900">
            {t("title")}
          </h2>
          <p className="mt-1 max-w-prose text-sm text-slate-600">
            {t("description", { name: view.organization.name })}
          </p>
        </div>
        <span
          className={`rounded-full px-2.5 py-0.5 text-xs font-medium ${
            view.provider ? "bg-emerald-50 text-emerald-800" : "bg-slate-100 text-slate-700"
          }`}
        >
          {view.provider ? t("configured") : t("notConfigured")}
        </span>
      </div>

      <div>
        <label htmlFor={field("redirect")} className={labelClass}>
          {t("redirectUri")}
        </label>
        <input
          id={field("redirect")}
          readOnly
          value={redirectUri}
          className={`${inputClass} mt-1 bg-slate-50 font-mono`}
          onFocus={(e) => e.currentTarget.select()}
        />
      </div>

      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <div>
          <label htmlFor={field("issuer")} className={labelClass}>
            {t("issuer")}
          </label>
          <input
            id={field("issuer")}
            type="url"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            value={issuer}
            onChange={(e) => setIssuer(e.target.value)}
            aria-describedby={field("issuer-help")}
            className={`${inputClass} mt-1`}
          />
          <p id={field("issuer-help")} className="mt-1 text-xs text-slate-500">
            {t("issuerHelp")}
          </p>
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor={field("client-id")} className={labelClass}>
              {t("clientId")}
            </label>
            <input
              id={field("client-id")}
              autoComplete="off"
              spellCheck={false}
              value={clientId}
              onChange={(e) => setClientId(e.target.value)}
              className={`${inputClass} mt-1`}
            />
          </div>
          <div>
            <label htmlFor={field("client-secret")} className={labelClass}>
              {t("clientSecret")}
            </label>
            <input
              id={field("client-secret")}
              type="password"
              autoComplete="new-password"
              value={clientSecret}
              onChange={(e) => setClientSecret(e.target.value)}
              aria-describedby={view.provider?.hasSecret ? field("secret-help") : undefined}
              className={`${inputClass} mt-1`}
            />
            {view.provider?.hasSecret ? (
              <p id={field("secret-help")} className="mt-1 text-xs text-slate-500">
                {t("secretKept")}
              </p>
            ) : null}
          </div>
        </div>
        <div>
          <label htmlFor={field("domains")} className={labelClass}>
            {t("domains")}
          </label>
          <textarea
            id={field("domains")}
            rows={3}
            spellCheck={false}
            value={domains}
            onChange={(e) => setDomains(e.target.value)}
            aria-describedby={field("domains-help")}
            className={`${inputClass} mt-1 font-mono`}
          />
          <p id={field("domains-help")} className="mt-1 text-xs text-slate-500">
            {t("domainsHelp")}
          </p>
        </div>
        <div className="flex items-start gap-2">
          <input
            id={field("required")}
            type="checkbox"
            checked={required}
            onChange={(e) => setRequired(e.target.checked)}
            aria-describedby={field("required-help")}
            className="mt-0.5 h-4 w-4 rounded border-slate-300"
          />
          <div>
            <label htmlFor={field("required")} className="text-sm font-medium text-slate-800">
              {t("required")}
            </label>
            <p id={field("required-help")} className="text-xs text-slate-500">
              {t("requiredHelp")}
            </p>
          </div>
        </div>

        {formError ? <FormAlert>{formError}</FormAlert> : null}
        <StatusNote message={status} />
        {testResult ? (
          <p
            role="status"
            className={`rounded-md px-3 py-2 text-sm ${
              testResult.ok ? "bg-emerald-50 text-emerald-800" : "bg-amber-50 text-amber-900"
            }`}
          >
            {testResult.text}
          </p>
        ) : null}

        <div className="flex flex-wrap items-center gap-3">
          <button
            type="submit"
            disabled={busy}
            className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
          >
            {save.isPending ? t("saving") : t("save")}
          </button>
          <Button
            disabled={busy || !issuer.trim() || !clientId.trim()}
            onClick={() => {
              setTestResult(null);
              test.mutate({ organizationId, issuer, clientId, clientSecret });
            }}
          >
            {test.isPending ? t("testing") : t("test")}
          </Button>
          {view.provider && !confirmRemove ? (
            <Button variant="danger" disabled={busy} onClick={() => setConfirmRemove(true)}>
              {t("remove")}
            </Button>
          ) : null}
        </div>
        {confirmRemove ? (
          <div role="alertdialog" aria-labelledby={field("remove-q")} className="rounded-md bg-red-50 p-3">
            <p id={field("remove-q")} className="text-sm text-red-900">
              {t("removeConfirm")}
            </p>
            <div className="mt-2 flex gap-2">
              <Button variant="danger" disabled={busy} onClick={() => remove.mutate({ organizationId })} autoFocus>
                {t("removeYes")}
              </Button>
              <Button onClick={() => setConfirmRemove(false)}>{t("cancel")}</Button>
            </div>
          </div>
        ) : null}
      </form>
    </section>
  );
}
