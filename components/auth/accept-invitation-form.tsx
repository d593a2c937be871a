"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc/client";
import { inputClass, useFormErrors } from "@/components/ui/form";
import { NewPasswordField } from "./password-field";

/** Accepting an invitation: the name to go by and a password; then the person signs in. */
export function AcceptInvitationForm({ token, email, name }: { token: string; email: string; name: string }) {
  const t = useTranslations("installation");
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const { formError, fieldError, onError, clearErrors } = useFormErrors();
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
        <label htmlFor="email" className="block text-sm font-medium text-slate-700">
          {t("email")}
        </label>
        <input id="email" value={email} readOnly autoComplete="username" className={`${inputClass} bg-slate-50`} />
      </div>
      <div>
        <label htmlFor="name" className="block text-sm font-medium text-slate-700">
          {t("name")}
        </label>
        <input id="name" name="name" required defaultValue={name} autoComplete="name" className={inputClass} />
        {fieldError("name")}
      </div>
      <NewPasswordField error={fieldError("password")} />
      <button
        type="submit"
        disabled={accept.isPending}
        className="w-full rounded-md bg-brand-600 px-3 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {accept.isPending ? t("joining") : t("join")}
      </button>
    </form>
  );
}
