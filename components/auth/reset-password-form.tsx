"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { FormAlert, SubmitButton, useFormErrors } from "@/components/ui/form";
import { useHydrated } from "@/components/ui/use-hydrated";
import { NewPasswordField, PasswordField } from "./password-field";

/**
 * Sets a new password through a reset link, then signs in with it (every earlier session was
 * ended); if signing in does not go through, the person signs in on the sign-in page.
 */
export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations("passwordReset");
  const tAccount = useTranslations("account.password");
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const [state, setState] = useState<"form" | "signingIn" | "done">("form");
  const { formError, setFormError, clearErrors, onError } = useFormErrors();
  const complete = useMutation(trpc.passwordReset.complete.mutationOptions({ onMutate: clearErrors, onError }));

  if (state !== "form")
    return (
      <div className="mt-6 space-y-4">
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {t("done")} {state === "signingIn" ? t("signingIn") : null}
        </p>
        {state === "done" ? (
          <Link
            href="/signin"
            className="inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
          >
            {t("signIn")}
          </Link>
        ) : null}
      </div>
    );

  return (
    <form
      noValidate
      className="mt-6 space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        const password = String(data.get("new-password") ?? "");
        if (password !== String(data.get("confirm-password") ?? "")) return setFormError(tAccount("mismatch"));
        complete.mutate(
          { token, password },
          {
            onSuccess: async (done) => {
              setState("signingIn");
              const res = await signIn("credentials", { email: done.email, password, redirect: false }).catch(
                () => null,
              );
              if (res?.ok && !res.error) {
                router.replace("/");
                router.refresh();
              } else setState("done");
            },
          },
        );
      }}
    >
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <NewPasswordField id="new-password" label={t("password")} />
      <PasswordField id="confirm-password" label={t("confirm")} autoComplete="new-password" />
      <FormAlert message={formError} />
      <SubmitButton
        pending={complete.isPending}
        disabled={!hydrated}
        label={t("save")}
        pendingLabel={t("saving")}
        wide
      />
    </form>
  );
}
