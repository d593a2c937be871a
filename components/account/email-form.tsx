"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { PasswordField } from "@/components/auth/password-field";
import { DATE_TIME_WITH_ZONE } from "@/components/format";
import { useTRPC } from "@/components/trpc/client";
import { Card } from "@/components/ui/card";
import { ErrorSummary, SubmitButton, TextField, useFormErrors } from "@/components/ui/form";
import { useHydrated } from "@/components/ui/use-hydrated";
import { EMAIL_SHAPE } from "@/server/identity/email";

/**
 * Changing one's sign-in address: the new address and the current password; a link goes to the
 * new address and only following it changes anything. People whose address single sign-on keeps
 * are told whom to ask instead.
 */
export function EmailForm({
  email,
  managedBySso,
  pending,
}: {
  email: string;
  managedBySso: boolean;
  pending: { email: string; expiresAt: Date } | null;
}) {
  const t = useTranslations("account.email");
  const tt = useTranslations();
  const format = useFormatter();
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { setFormError, clearErrors, onError, summary } = useFormErrors({
    fieldId: (name) => (name === "newEmail" ? "new-email" : "email-current-password"),
  });
  const request = useMutation(
    trpc.me.requestEmailChange.mutationOptions({
      onMutate: () => {
        clearErrors();
        setSentTo(null);
      },
      onError,
      onSuccess: (sent) => {
        setSentTo(sent.email);
        router.refresh();
      },
    }),
  );

  return (
    <Card id="email" title={t("title")} description={t("description")}>
      <div className="max-w-xl space-y-4">
        <div>
          <span className="block text-sm font-medium text-slate-700">{t("current")}</span>
          <p className="mt-1 text-sm break-all text-slate-900">{email}</p>
        </div>
        {managedBySso ? (
          <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700">{t("sso")}</p>
        ) : (
          <form
            noValidate
            className="space-y-4"
            onSubmit={(e) => {
              e.preventDefault();
              const data = new FormData(e.currentTarget);
              const newEmail = String(data.get("new-email") ?? "").trim();
              const currentPassword = String(data.get("email-current-password") ?? "");
              if (!EMAIL_SHAPE.test(newEmail)) return setFormError(tt("errors.field.email"));
              const typed = e.currentTarget;
              request.mutate({ newEmail, currentPassword }, { onSuccess: () => typed.reset() });
            }}
          >
            <TextField
              id="new-email"
              name="new-email"
              type="email"
              label={t("new")}
              autoComplete="email"
              required
              maxLength={254}
              aria-describedby="new-email-hint"
            />
            <p id="new-email-hint" className="-mt-3 text-xs text-slate-500">
              {t("hint")}
            </p>
            <PasswordField id="email-current-password" label={t("password")} autoComplete="current-password" />
            <ErrorSummary {...summary} />
            {sentTo ? (
              <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
                {t("sent", { email: sentTo })}
              </p>
            ) : pending ? (
              <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
                {t("pending", {
                  email: pending.email,
                  expires: format.dateTime(pending.expiresAt, DATE_TIME_WITH_ZONE),
                })}
              </p>
            ) : null}
            <SubmitButton
              pending={request.isPending}
              disabled={!hydrated}
              label={t("save")}
              pendingLabel={t("saving")}
            />
          </form>
        )}
      </div>
    </Card>
  );
}
