"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc/client";
import { inputClass, useFormErrors } from "@/components/ui/form";
import { NewPasswordField } from "./password-field";

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
      locale: locale === "zh" ? "zh" : "en",
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC",
    });
  }
  return (
    <form onSubmit={onSubmit} className="mt-6 space-y-4" noValidate>
      {formError ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {formError}
        </p>
      ) : null}
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
      <div>
        <label htmlFor="name" className="block text-sm font-medium text-slate-700">
          {t("name")}
        </label>
        <input id="name" name="name" required autoComplete="name" className={inputClass} />
        {fieldError("name")}
      </div>
      <div>
        <label htmlFor="email" className="block text-sm font-medium text-slate-700">
          {t("email")}
        </label>
        <input id="email" name="email" type="email" required autoComplete="email" className={inputClass} />
        {fieldError("email")}
      </div>
      <NewPasswordField error={fieldError("password")} />
      <button
        type="submit"
        disabled={setup.isPending}
        className="w-full rounded-md bg-brand-600 px-3 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {setup.isPending ? t("creating") : t("createAdmin")}
      </button>
    </form>
  );
}
