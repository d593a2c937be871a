import { useTranslations } from "next-intl";
import { useState } from "react";

/** The text inputs, selects and textareas of the portal's full-width forms. */
export const inputClass = "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm";

type FieldErrors = Record<string, string[] | undefined>;
type ServerError = {
  message: string;
  data?: {
    messageKey?: string | null;
    messageValues?: Record<string, string | number> | null;
    fieldErrors?: FieldErrors | null;
  } | null;
};

/**
 * Errors of a form that posts through a tRPC mutation: per-field messages (zod's, from the error
 * formatter) and one sentence for the whole form, translated when the server named a message key
 * (with the values it names, such as a limit). A field's messages render with id `<name>-error`,
 * which its control's aria-describedby names.
 */
export function useFormErrors() {
  const tt = useTranslations();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const onError = (err: ServerError) => {
    setErrors(err.data?.fieldErrors ?? {});
    const key = err.data?.messageKey;
    setFormError(key && tt.has(key) ? tt(key, err.data?.messageValues ?? undefined) : err.message);
  };
  const clearErrors = () => {
    setErrors({});
    setFormError(null);
  };
  const fieldError = (name: string) =>
    errors[name]?.length ? (
      <p id={`${name}-error`} className="mt-1 text-sm text-red-700">
        {errors[name]!.join(" ")}
      </p>
    ) : null;
  return { errors, setErrors, formError, setFormError, clearErrors, onError, fieldError };
}

/** The one sentence a form's server answer says about the whole form (read out when it appears). */
export function FormAlert({ message }: { message: string | null | undefined }) {
  return message ? (
    <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
      {message}
    </p>
  ) : null;
}

/** A labelled text input with the field's error below it (`fieldError(name)` of `useFormErrors`). */
export function TextField({
  id,
  label,
  error,
  className,
  ...input
}: { id: string; label: React.ReactNode; error?: React.ReactNode } & React.InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${input.name ?? id}-error` : undefined}
        className={className ? `${inputClass} ${className}` : inputClass}
        {...input}
      />
      {error}
    </div>
  );
}

/** A form's main button, saying what it is doing while the request is on its way. */
export function SubmitButton({
  pending,
  disabled,
  label,
  pendingLabel,
  wide = false,
}: {
  pending: boolean;
  disabled?: boolean;
  label: React.ReactNode;
  pendingLabel: React.ReactNode;
  /** Full width, as on the sign-in pages' narrow cards. */
  wide?: boolean;
}) {
  return (
    <button
      type="submit"
      disabled={disabled || pending}
      className={`${wide ? "w-full" : ""} rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60`}
    >
      {pending ? pendingLabel : label}
    </button>
  );
}
