"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc/client";
import { FormAlert, SubmitButton, useFormErrors } from "@/components/ui/form";
import { useHydrated } from "@/components/ui/use-hydrated";
import { AuthHeading } from "./auth-heading";

/**
 * Confirms an address change by its link; then the page reads as done (its heading too, no longer
 * what confirming will do) and the person signs in with the new address (or, still signed in here,
 * goes back to their account).
 */
export function ConfirmEmailForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations("emailChange");
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const { formError, clearErrors, onError } = useFormErrors();
  const confirm = useMutation(trpc.emailChange.confirm.mutationOptions({ onMutate: clearErrors, onError }));
  const done = confirm.data;
  return done ? (
    <>
      <AuthHeading title={t("doneTitle")} />
      <div className="mt-6 space-y-4">
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {t("done", { email: done.email })}
        </p>
        <p className="text-sm text-slate-600">{done.signedIn ? t("nextSignedIn") : t("nextSignIn")}</p>
        <Link
          href={done.signedIn ? "/account" : "/signin"}
          className="inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
        >
          {done.signedIn ? t("toAccount") : t("signIn")}
        </Link>
      </div>
    </>
  ) : (
    <>
      <AuthHeading title={t("title")} subtitle={t("subtitle", { email })} />
      <form noValidate className="mt-6 space-y-4" action={() => confirm.mutate({ token })}>
        <FormAlert message={formError} />
        <SubmitButton
          pending={confirm.isPending}
          disabled={!hydrated}
          label={t("confirm")}
          pendingLabel={t("confirming")}
          wide
        />
      </form>
    </>
  );
}
