"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc/client";
import { ErrorSummary, SubmitButton, TextField, useFormErrors } from "@/components/ui/form";
import { NewPasswordField, newAccountPreferences } from "./password-field";

/**
 * Accepting an invitation: the name to go by and a password; then the person signs in. When the
 * organization's identity provider signs this address in, single sign-on is offered beside the
 * password, or instead of it when the organization requires it (its first sign-in spends the invitation).
 */
export function AcceptInvitationForm({
  token,
  email,
  name,
  organization,
  sso,
}: {
  token: string;
  email: string;
  name: string;
  organization: string;
  sso: "offered" | "required" | null;
}) {
  const t = useTranslations("installation");
  const tSso = useTranslations("sso.signin");
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const { fieldError, onError, clearErrors, summary } = useFormErrors();
  const accept = useMutation(
    trpc.installation.acceptInvitation.mutationOptions({
      onSuccess: (r) => router.push(`/signin?joined=1&email=${encodeURIComponent(r.email)}`),
      onError,
    }),
  );
  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    clearErrors();
    const form = new FormData(e.currentTarget);
    accept.mutate({
      token,
      name: String(form.get("name") ?? ""),
      password: String(form.get("password") ?? ""),
      ...newAccountPreferences(locale),
    });
  }
  // A navigation to the route that leaves for the provider, as the sign-in form does.
  const ssoLink = sso ? (
    <a
      href={`/api/sso/start?${new URLSearchParams({ email, callbackUrl: "/" })}`}
      className="block w-full rounded-md border border-slate-300 bg-white px-4 py-2 text-center text-sm font-semibold text-slate-800 hover:bg-slate-50"
    >
      {tSso("useSso")}
    </a>
  ) : null;
  if (sso === "required")
    return (
      <div className="mt-6 space-y-4">
        <TextField
          id="email"
          label={t("email")}
          value={email}
          readOnly
          autoComplete="username"
          className="bg-slate-50"
        />
        <p className="text-sm text-slate-700">{t("inviteSsoRequired", { organization })}</p>
        {ssoLink}
      </div>
    );
  return (
    <form onSubmit={onSubmit} className="mt-6 space-y-4" noValidate>
      <ErrorSummary {...summary} />
      <TextField id="email" label={t("email")} value={email} readOnly autoComplete="username" className="bg-slate-50" />
      <TextField
        id="name"
        name="name"
        label={t("name")}
        required
        defaultValue={name}
        autoComplete="name"
        error={fieldError("name")}
      />
      <NewPasswordField error={fieldError("password")} />
      <SubmitButton pending={accept.isPending} label={t("join")} pendingLabel={t("joining")} wide />
      {ssoLink ? (
        <>
          <div className="flex items-center gap-3 text-xs text-slate-500" aria-hidden>
            <span className="h-px flex-1 bg-slate-200" />
            {tSso("or")}
            <span className="h-px flex-1 bg-slate-200" />
          </div>
          <p className="text-xs text-slate-500">{t("inviteSsoOffered")}</p>
          {ssoLink}
        </>
      ) : null}
    </form>
  );
}
