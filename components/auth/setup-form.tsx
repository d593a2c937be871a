"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc/client";
import { FormAlert, inputClass, SubmitButton, TextField, useFormErrors } from "@/components/ui/form";
import { NewPasswordField, newAccountPreferences } from "./password-field";

/** The first administrator of a production installation: setup token from the server log, name, email, password. */
export function SetupForm() {
  const t = useTranslations("installation");
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const { formError, fieldError, onError, clearErrors } = useFormErrors();
  const setup = useMutation(
    trpc.installation.setup.mutationOptions({
      onSuccess: ({ email }) => router.push(`/signin?setup=1&email=${encodeURIComponent(email)}`),
      onError,
    }),
  );
  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    clearErrors();
    const form = new FormData(e.currentTarget);
    setup.mutate({
      token: String(form.get("token") ?? ""),
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      ...newAccountPreferences(locale),
    });
  }
  return (
    <form onSubmit={onSubmit} className="mt-6 space-y-4" noValidate>
      <FormAlert message={formError} />
      <div>
        <label htmlFor="token" className="block text-sm font-medium text-slate-700">
          {t("token")}
        </label>
        <input
          id="token"
          name="token"
          required
          autoComplete="off"
          spellCheck={false}
          aria-describedby="token-hint"
          className={`${inputClass} font-mono`}
        />
        <p id="token-hint" className="mt-1 text-xs text-slate-500">
          {t("tokenHint")}
        </p>
        {fieldError("token")}
      </div>
      <TextField id="name" name="name" label={t("name")} required autoComplete="name" error={fieldError("name")} />
      <TextField
        id="email"
        name="email"
        type="email"
        label={t("email")}
        required
        autoComplete="email"
        error={fieldError("email")}
      />
      <NewPasswordField error={fieldError("password")} />
      <SubmitButton pending={setup.isPending} label={t("createAdmin")} pendingLabel={t("creating")} wide />
    </form>
  );
}
