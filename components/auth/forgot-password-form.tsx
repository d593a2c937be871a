"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { inputClass, useFormErrors } from "@/components/ui/form";
import { useHydrated } from "@/components/ui/use-hydrated";

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
export function ForgotPasswordForm() {
  const t = useTranslations("passwordReset");
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const [sent, setSent] = useState(false);
  const { formError, clearErrors, onError } = useFormErrors();
  const request = useMutation(
    trpc.passwordReset.request.mutationOptions({ onMutate: clearErrors, onError, onSuccess: () => setSent(true) }),
  );

  if (sent)
    return (
      <div className="mt-6 space-y-4">
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {t("sent")}
        </p>
        <Link href="/signin" className="inline-block text-sm font-medium text-brand-700 hover:underline">
          {t("backToSignIn")}
        </Link>
      </div>
    );

  return (
    <form
      noValidate
      className="mt-6 space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const email = String(new FormData(e.currentTarget).get("email") ?? "");
        request.mutate({ email });
      }}
    >
      <div>
        <label htmlFor="email" className="block text-sm font-medium text-slate-700">
          {t("email")}
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          maxLength={320}
          className={inputClass}
        />
      </div>
      {formError ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {formError}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={!hydrated || request.isPending}
        className="w-full rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {request.isPending ? t("sending") : t("send")}
      </button>
      <Link href="/signin" className="inline-block text-sm font-medium text-brand-700 hover:underline">
        {t("backToSignIn")}
      </Link>
    </form>
  );
}
