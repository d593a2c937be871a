"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc/client";
import { ErrorSummary, SubmitButton, TextField, useFormErrors } from "@/components/ui/form";
import { NewPasswordField, newAccountPreferences } from "./password-field";

/** Accepting an invitation: the name to go by and a password; then the person signs in. */
export function AcceptInvitationForm({ token, email, name }: { token: string; email: string; name: string }) {
  const t = useTranslations("installation");
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
    </form>
  );
}
