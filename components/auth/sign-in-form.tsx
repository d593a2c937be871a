"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "@/components/ui/link";
import { useSearchParams } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { useHydrated } from "@/components/ui/use-hydrated";
import { safeCallbackPath } from "@/server/auth/callback-url";
import { emailDomain, isSsoErrorCode } from "@/server/identity/sso";

/**
 * Email and password, or single sign-on: "Continue with single sign-on" asks whether the
 * address's domain belongs to an organization's identity provider and, if so, sends the browser to
 * /api/sso/start (a navigation, not a form post, so the page's form-action policy is not involved);
 * otherwise the person carries on with their password. An `?error=` code from a failed single
 * sign-on (or from next-auth) is shown translated.
 */
export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("signin");
  const tSso = useTranslations("sso.signin");
  const tErrors = useTranslations("sso.signinErrors");
  const tSecurity = useTranslations("security");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const params = useSearchParams();
  const pageError = params.get("error");
  const [error, setError] = useState<string | null>(() =>
    pageError ? (isSsoErrorCode(pageError) ? tErrors(pageError) : tErrors("other")) : null,
  );
  const [note, setNote] = useState<string | null>(null);
  const [pending, setPending] = useState<"password" | "sso" | null>(null);
  const hydrated = useHydrated();
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (pending) return;
    const form = new FormData(e.currentTarget);
    setPending("password");
    setError(null);
    setNote(null);
    const res = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    }).catch(() => null);
    if (res?.ok && !res.error) {
      // Checked here too: the page's check is the first line of defence, not the only one.
      window.location.assign(safeCallbackPath(callbackUrl));
      return;
    }
    setPending(null);
    const throttled = /^TooManyAttempts:(\d+)$/.exec(res?.error ?? "");
    setError(
      throttled
        ? tSecurity("signInThrottled", { minutes: Number(throttled[1]) })
        : res?.error === "SsoRequired"
          ? tSso("required")
          : res?.error === "CredentialsSignin"
            ? t("invalid")
            : t("failed"),
    );
  }

  async function onSingleSignOn() {
    if (pending) return;
    const email = (emailRef.current?.value ?? "").trim().toLowerCase();
    setError(null);
    setNote(null);
    const domain = emailDomain(email);
    if (!domain) {
      setError(tSso("enterEmail"));
      emailRef.current?.focus();
      return;
    }
    setPending("sso");
    const found = await queryClient.fetchQuery(trpc.sso.lookup.queryOptions({ email })).catch(() => null);
    if (!found) {
      setPending(null);
      setError(tErrors("sso_failed"));
      return;
    }
    if (!found.sso) {
      setPending(null);
      setNote(tSso("noSso", { domain }));
      passwordRef.current?.focus();
      return;
    }
    setNote(tSso("redirecting"));
    // A route handler, not a page: a full navigation that leaves for the identity provider.
    const start = new URL("/api/sso/start", window.location.origin);
    start.search = new URLSearchParams({ email, callbackUrl: safeCallbackPath(callbackUrl) }).toString();
    window.location.assign(start.href);
  }

  return (
    <form onSubmit={onSubmit} className="mt-6 space-y-4" noValidate>
      {error ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <div>
        <label htmlFor="email" className="block text-sm font-medium text-slate-700">
          {t("email")}
        </label>
        <input
          ref={emailRef}
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-600"
        />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium text-slate-700">
          {t("password")}
        </label>
        <input
          ref={passwordRef}
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-600"
        />
        <Link href="/signin/forgot" className="mt-1 inline-block text-sm font-medium text-brand-700 hover:underline">
          {t("forgotLink")}
        </Link>
      </div>
      {/* Never disabled once hydrated: a disabled button loses the focus (to the page's body), so
          after a refusal a keyboard user would start over from the top. A second submit while one
          is on its way is ignored instead. */}
      <button
        type="submit"
        disabled={!hydrated}
        aria-disabled={pending !== null || undefined}
        className="w-full rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60 aria-disabled:opacity-60"
      >
        {pending === "password" ? t("submitting") : t("submit")}
      </button>
      <div className="flex items-center gap-3 text-xs text-slate-500" aria-hidden>
        <span className="h-px flex-1 bg-slate-200" />
        {tSso("or")}
        <span className="h-px flex-1 bg-slate-200" />
      </div>
      <div className="space-y-2">
        <button
          type="button"
          onClick={() => void onSingleSignOn()}
          disabled={!hydrated}
          aria-disabled={pending !== null || undefined}
          aria-describedby="sso-hint"
          className="w-full rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-50 disabled:opacity-60 aria-disabled:opacity-60"
        >
          {pending === "sso" ? tSso("checking") : tSso("useSso")}
        </button>
        <p id="sso-hint" className="text-xs text-slate-500">
          {tSso("ssoHint")}
        </p>
      </div>
      <p role="status" aria-live="polite" className={note ? "rounded-md bg-slate-50 px-3 py-2 text-sm" : "sr-only"}>
        {note ?? ""}
      </p>
    </form>
  );
}
