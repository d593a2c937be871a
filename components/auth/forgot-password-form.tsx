"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { FormAlert, SubmitButton, TextField, useFormErrors } from "@/components/ui/form";
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
      <TextField
        id="email"
        name="email"
        type="email"
        label={t("email")}
        autoComplete="username"
        required
        maxLength={320}
      />
      <FormAlert message={formError} />
      <SubmitButton
        pending={request.isPending}
        disabled={!hydrated}
        label={t("send")}
        pendingLabel={t("sending")}
        wide
      />
      <Link href="/signin" className="inline-block text-sm font-medium text-brand-700 hover:underline">
        {t("backToSignIn")}
      </Link>
    </form>
  );
}
