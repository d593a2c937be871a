"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { inputClass, TextField } from "@/components/ui/form";
import { PASSWORD_MIN_LENGTH, passwordLengthProblem } from "@/server/auth/password-length";

/** The language and time zone a new account starts with: the portal's language and the browser's zone. */
export function newAccountPreferences(locale: string): { locale: "en" | "zh"; timeZone: string } {
  return { locale: locale === "zh" ? "zh" : "en", timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC" };
}

/**
 * A new password with its rule said up front (NIST 800-63B: length, not composition) and an early
 * hint on its length while typing; the server checks the whole policy (common passwords, personal
 * words) and has the last word.
 */
export function NewPasswordField({
  id = "password",
  name = id,
  label,
  error,
}: {
  id?: string;
  name?: string;
  /** "New password" unless the form says otherwise. */
  label?: React.ReactNode;
  error?: React.ReactNode;
}) {
  const t = useTranslations();
  // Uncontrolled, so a form's reset() empties it like its other fields; only the hint is state.
  const [problem, setProblem] = useState<ReturnType<typeof passwordLengthProblem>>(null);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label ?? t("installation.newPassword")}
      </label>
      <input
        id={id}
        name={name}
        type="password"
        required
        autoComplete="new-password"
        minLength={PASSWORD_MIN_LENGTH}
        onChange={(e) => setProblem(e.target.value.length > 0 ? passwordLengthProblem(e.target.value) : null)}
        aria-describedby={`${id}-hint${error ? ` ${name}-error` : ""}`}
        aria-invalid={error ? true : undefined}
        className={inputClass}
      />
      <p
        id={`${id}-hint`}
        className={`mt-1 text-xs ${problem ? "text-amber-800" : "text-slate-500"}`}
        aria-live="polite"
      >
        {problem ? t(`errors.password.${problem}`) : t("installation.passwordRule", { min: PASSWORD_MIN_LENGTH })}
      </p>
      {error}
    </div>
  );
}

/**
 * Any other password field (the current one, the new one repeated): the browser's password
 * manager knows each by its autocomplete.
 */
export function PasswordField({
  id,
  label,
  autoComplete,
}: {
  id: string;
  label: string;
  autoComplete: "current-password" | "new-password";
}) {
  return (
    <TextField id={id} name={id} type="password" label={label} autoComplete={autoComplete} required maxLength={1024} />
  );
}
