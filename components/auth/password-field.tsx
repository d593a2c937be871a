"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { inputClass } from "@/components/ui/form";
import { PASSWORD_MIN_LENGTH, passwordLengthProblem } from "@/server/auth/password-length";

/**
 * A new password with its rule said up front (NIST 800-63B: length, not composition) and an early
 * hint on its length while typing; the server checks the whole policy (common passwords, personal
 * words) and has the last word.
 */
export function NewPasswordField({
  id = "password",
  name = "password",
  error,
}: {
  id?: string;
  name?: string;
  error?: React.ReactNode;
}) {
  const t = useTranslations();
  const [value, setValue] = useState("");
  const problem = value.length > 0 ? passwordLengthProblem(value) : null;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {t("installation.newPassword")}
      </label>
      <input
        id={id}
        name={name}
        type="password"
        required
        autoComplete="new-password"
        minLength={PASSWORD_MIN_LENGTH}
        value={value}
        onChange={(e) => setValue(e.target.value)}
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
