"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Card } from "@/components/ui/card";
import { NewPasswordField, PasswordField } from "@/components/auth/password-field";
import { ErrorSummary, SubmitButton, useFormErrors } from "@/components/ui/form";
import { useHydrated } from "@/components/ui/use-hydrated";

/** Changing one's own password: the current one, the new one twice; the server says what to fix. */
export function PasswordForm({ email }: { email: string }) {
  const t = useTranslations("account.password");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const hydrated = useHydrated();
  const [done, setDone] = useState<number | null>(null);
  const { setFormError, clearErrors, onError, summary } = useFormErrors({
    fieldId: (name) => (name === "newPassword" ? "new-password" : "current-password"),
  });
  const change = useMutation(
    trpc.me.changePassword.mutationOptions({
      onMutate: () => {
        clearErrors();
        setDone(null);
      },
      onError,
      onSuccess: ({ otherSessionsEnded }) => {
        setDone(otherSessionsEnded);
        void queryClient.invalidateQueries({ queryKey: trpc.me.sessions.queryKey() });
      },
    }),
  );

  return (
    <Card id="password" title={t("title")} description={t("description")}>
      <form
        noValidate
        className="max-w-xl space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          const currentPassword = String(data.get("current-password") ?? "");
          const newPassword = String(data.get("new-password") ?? "");
          if (newPassword !== String(data.get("confirm-password") ?? "")) return setFormError(t("mismatch"));
          const typed = e.currentTarget;
          change.mutate({ currentPassword, newPassword }, { onSuccess: () => typed.reset() });
        }}
      >
        {/* For password managers: whose password this is. */}
        <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
        <PasswordField id="current-password" label={t("current")} autoComplete="current-password" />
        <NewPasswordField id="new-password" label={t("new")} />
        <PasswordField id="confirm-password" label={t("confirm")} autoComplete="new-password" />
        <ErrorSummary {...summary} />
        {done !== null ? (
          <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
            {t("changed", { n: done })}
          </p>
        ) : null}
        <SubmitButton pending={change.isPending} disabled={!hydrated} label={t("save")} pendingLabel={t("saving")} />
      </form>
    </Card>
  );
}
