"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Card } from "@/components/ui/card";
import { inputClass, useFormErrors } from "@/components/ui/form";
import { useHydrated } from "@/components/ui/use-hydrated";

/** A password field as the account forms use it (the browser's password manager knows each by its autocomplete). */
export function PasswordField({
  id,
  label,
  autoComplete,
  hint,
}: {
  id: string;
  label: string;
  autoComplete: "current-password" | "new-password";
  hint?: string;
}) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        id={id}
        name={id}
        type="password"
        autoComplete={autoComplete}
        required
        maxLength={1024}
        aria-describedby={hint ? `${id}-hint` : undefined}
        className={inputClass}
      />
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** Changing one's own password: the current one, the new one twice; the server says what to fix. */
export function PasswordForm({ email, minLength }: { email: string; minLength: number }) {
  const t = useTranslations("account.password");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const hydrated = useHydrated();
  const [done, setDone] = useState<number | null>(null);
  const { formError, setFormError, clearErrors, onError } = useFormErrors();
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
        <PasswordField
          id="new-password"
          label={t("new")}
          autoComplete="new-password"
          hint={t("hint", { min: minLength })}
        />
        <PasswordField id="confirm-password" label={t("confirm")} autoComplete="new-password" />
        {formError ? (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
            {formError}
          </p>
        ) : null}
        {done !== null ? (
          <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
            {t("changed", { n: done })}
          </p>
        ) : null}
        <button
          type="submit"
          disabled={!hydrated || change.isPending}
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {change.isPending ? t("saving") : t("save")}
        </button>
      </form>
    </Card>
  );
}
