"use client";

import type { TRPCClientErrorLike } from "@trpc/client";
import { useTranslations } from "next-intl";
import { useEffect, useRef, type ButtonHTMLAttributes, type ReactNode } from "react";
import { refusalText } from "@/components/ui/form";
import type { AppRouter } from "@/server/api/root";

/** Form controls of the admin editors, styled like the portal's other forms. */
export const inputBase =
  "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600 aria-[invalid=true]:border-red-500 aria-[invalid=true]:bg-red-50/40";
export const inputClass = `block w-full ${inputBase}`;
export const labelClass = "block text-sm font-medium text-slate-700";

const BUTTONS = {
  primary: "bg-brand-600 text-white hover:bg-brand-700",
  secondary: "border border-slate-300 bg-white text-slate-700 hover:bg-slate-50",
  danger: "border border-red-200 bg-white text-red-700 hover:bg-red-50",
  link: "text-brand-700 underline-offset-2 hover:underline",
} as const;

export function Button({
  variant = "secondary",
  className = "",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof BUTTONS }) {
  const size = variant === "link" ? "px-1 py-1" : "px-3 py-2";
  return (
    <button
      type="button"
      {...props}
      className={`inline-flex items-center justify-center gap-1 rounded-md text-sm font-medium disabled:cursor-not-allowed disabled:opacity-60 ${size} ${BUTTONS[variant]} ${className}`}
    />
  );
}

export function FieldError({ id, message }: { id: string; message: string | null | undefined }) {
  return message ? (
    <p id={id} className="mt-1 text-sm text-red-700">
      {message}
    </p>
  ) : null;
}

/** What a failed submit says; it takes the focus when it appears, so the user lands on it. */
export function FormAlert({ children }: { children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);
  return (
    <div
      ref={box}
      role="alert"
      tabIndex={-1}
      className="rounded-md bg-red-50 px-3 py-2 text-sm break-words text-red-700 focus:outline-2 focus:outline-red-600"
    >
      {children}
    </div>
  );
}

/** A polite announcement of what just happened ("Saved as version 2."). */
export function StatusNote({ message }: { message: string | null }) {
  return (
    <p
      role="status"
      aria-live="polite"
      className={message ? "rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800" : "sr-only"}
    >
      {message ?? ""}
    </p>
  );
}

export function LoadingCard() {
  const t = useTranslations("common");
  return (
    <div role="status" aria-live="polite" className="space-y-4">
      <span className="sr-only">{t("loading")}</span>
      <div className="h-8 w-64 animate-pulse rounded bg-slate-200" />
      <div className="h-64 animate-pulse rounded-xl bg-slate-200" />
    </div>
  );
}

export function LoadError({ onRetry }: { onRetry: () => void }) {
  const t = useTranslations();
  return (
    <div role="alert" className="mx-auto max-w-lg rounded-xl border border-red-200 bg-red-50 p-6 text-red-900">
      <h1 className="text-lg font-semibold">{t("common.errorTitle")}</h1>
      <p className="mt-2 text-sm">{t("common.loadFailed")}</p>
      <button
        type="button"
        onClick={onRetry}
        className="mt-4 rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white"
      >
        {t("common.retry")}
      </button>
    </div>
  );
}

/** The sentence to show for a refused mutation: the translated message key when the server named one. */
export function useServerErrorText() {
  const t = useTranslations();
  return (error: TRPCClientErrorLike<AppRouter>): string => refusalText(t, error);
}
