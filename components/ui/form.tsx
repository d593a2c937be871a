import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";

/** The text inputs, selects and textareas of the portal's full-width forms. */
export const inputClass = "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm";
/** The smaller text inputs and selects of compact forms: the ticket page's actions, macros. */
export const field = "mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";

type FieldErrors = Record<string, string[] | undefined>;
type FieldKeys = Record<string, { key: string; values?: Record<string, string | number>; text?: string }[] | undefined>;
export type ServerError = {
  message: string;
  data?: {
    messageKey?: string | null;
    messageValues?: Record<string, string | number> | null;
    fieldKeys?: FieldKeys | null;
  } | null;
};
type Translate = ReturnType<typeof useTranslations>;

/**
 * Each field's refusal in the user's language: the sentences the server's error formatter wrote for
 * zod's issues (server/api/trpc.ts, server/api/field-messages.ts), never zod's own English text.
 */
export function translatedFieldErrors(tt: Translate, data: ServerError["data"]): FieldErrors {
  const out: FieldErrors = {};
  for (const [name, list] of Object.entries(data?.fieldKeys ?? {})) {
    if (!list?.length) continue;
    out[name] = list.map(({ key, values, text }) =>
      text ? text : tt.has(key) ? tt(key, values) : tt("errors.field.invalid"),
    );
  }
  return out;
}

/**
 * The sentence for a refused call. When the server named a message, its error's message is that
 * sentence in the user's language (the error formatter in server/api/trpc.ts translates it, so the
 * browser holds no refusal texts); else the refused fields' sentences; else `fallback`, else the
 * error's own message.
 */
export function refusalText(tt: Translate, err: ServerError, fallback?: string): string {
  if (err.data?.messageKey) return err.message;
  return fieldErrorsText(tt, err.data) || fallback || err.message;
}

/** All fields' refusals as one line, for the small forms that show a single sentence (empty when none). */
export function fieldErrorsText(tt: Translate, data: ServerError["data"]): string {
  return Object.values(translatedFieldErrors(tt, data)).flat().join(" ");
}

/** Whether a refusal's sentence is only about its fields: their summary's opening line, or one field's own sentence. */
function aboutFieldsOnly(data: ServerError["data"], fields: FieldErrors): boolean {
  if (Object.keys(fields).length === 0) return false;
  const key = data?.messageKey;
  return (
    !key ||
    key === "errors.form.invalid" ||
    Object.values(data?.fieldKeys ?? {}).some((list) => list?.some((m) => m.key === key))
  );
}

/**
 * Errors of a form that posts through a tRPC mutation: per-field messages (zod's, or a domain rule's,
 * from the error formatter) and one sentence for the whole form, translated when the server named a
 * message key (with the values it names, such as a limit). A field's messages render with id
 * `<name>-error`, which its control's aria-describedby names.
 *
 * A field's error goes as soon as the user changes that field (an input or change event from the
 * control named like the field, or with the id `fieldId` gives it, anywhere in the form that shows
 * the error); the summary's sentence goes with the last of them when it only spoke of the fields.
 * `report` shows what the form found itself before sending, every field at once.
 */
export function useFormErrors({ fieldId }: { fieldId?: (name: string) => string } = {}) {
  const tt = useTranslations();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formErrorState, setFormErrorState] = useState<string | null>(null);
  // Set when the form's sentence speaks only of its fields' errors: fixing the last one takes it away.
  const [aboutFields, setAboutFields] = useState(false);
  // Each refusal counts, so the summary takes the focus again when the same sentence comes back.
  const [attempt, setAttempt] = useState(0);
  const hasFieldErrors = Object.values(errors).some((list) => list?.length);
  const formError = aboutFields && !hasFieldErrors ? null : formErrorState;
  const setFormError = (message: string | null) => {
    setFormErrorState(message);
    setAboutFields(false);
    if (message) setAttempt((n) => n + 1);
  };
  const onError = (err: ServerError) => {
    const fields = translatedFieldErrors(tt, err.data);
    setErrors(fields);
    // The server's sentence in the user's language; refused fields without one of their own read as
    // the summary's opening line ("Some fields need your attention.").
    setFormError(err.message);
    setAboutFields(aboutFieldsOnly(err.data, fields));
  };
  /** What the form found wrong before sending, by field: every one, under the summary's opening line. */
  const report = (fields: FieldErrors) => {
    setErrors(fields);
    setFormError(tt("errors.form.invalid"));
    setAboutFields(true);
  };
  const clearErrors = () => {
    setErrors({});
    setFormErrorState(null);
    setAboutFields(false);
  };
  // The form that shows the errors, found from the elements that show them (the summary, a field's message).
  const form = useRef<HTMLFormElement | null>(null);
  const anchor = useCallback((el: HTMLElement | null) => {
    if (el) form.current = el.closest("form");
  }, []);
  const idOf = useRef(fieldId);
  useEffect(() => {
    idOf.current = fieldId;
  });
  useEffect(() => {
    const el = form.current;
    if (!el || !hasFieldErrors) return;
    const changed = (e: Event) => {
      const target = e.target as Partial<HTMLInputElement> | null;
      const control = [target?.name, target?.id].filter((n): n is string => !!n);
      if (control.length === 0) return;
      const id = idOf.current;
      const isChanged = (name: string) => control.includes(name) || (!!id && control.includes(id(name)));
      setErrors((prev) => {
        const changedFields = Object.keys(prev).filter(isChanged);
        if (changedFields.length === 0) return prev;
        const next = { ...prev };
        for (const name of changedFields) delete next[name];
        return next;
      });
    };
    el.addEventListener("input", changed);
    el.addEventListener("change", changed);
    return () => {
      el.removeEventListener("input", changed);
      el.removeEventListener("change", changed);
    };
  }, [hasFieldErrors]);

  const fieldError = (name: string) =>
    errors[name]?.length ? (
      <p ref={anchor} id={`${name}-error`} className="mt-1 text-sm break-words text-red-700">
        {errors[name]!.join(" ")}
      </p>
    ) : null;
  /** The props of the form's ErrorSummary. */
  const summary = { message: formError, errors, attempt, anchor, ...(fieldId ? { fieldId } : {}) };
  return {
    errors,
    setErrors,
    formError,
    setFormError,
    clearErrors,
    report,
    onError,
    fieldError,
    summary,
  };
}

/** The one sentence a form's server answer says about the whole form, with the summary of its fields' errors. */
export function FormAlert({ message }: { message: string | null | undefined }) {
  return <ErrorSummary message={message} />;
}

/** The label a person reads for a form control: its <label>, its group's legend, or its accessible name. */
function labelOf(id: string): string | null {
  if (typeof document === "undefined") return null;
  const el = document.getElementById(id) ?? document.getElementsByName(id)[0] ?? null;
  if (!el) return null;
  const control = el as HTMLInputElement;
  const text =
    control.labels?.[0]?.textContent ??
    el.closest("fieldset")?.querySelector("legend")?.textContent ??
    el.getAttribute("aria-label");
  return text?.trim() || null;
}

/**
 * What a failed submit says: one sentence for the form and, below it, each field's message named
 * by the field's label and linked to it. It takes the focus when it appears, so a keyboard or
 * screen-reader user lands on it (a sighted user sees it where the form starts); its text wraps,
 * so a long message never widens the page.
 */
export function ErrorSummary({
  message,
  errors = {},
  attempt = 0,
  fieldId = (name) => name,
  anchor,
}: {
  message: string | null | undefined;
  errors?: FieldErrors;
  /** Counts the failed submits, so a repeated sentence takes the focus again. */
  attempt?: number;
  /** The id of a field's control when it is not the field's name. */
  fieldId?: (name: string) => string;
  /** Told the summary's element, so useFormErrors finds the form whose changes clear its errors. */
  anchor?: (el: HTMLElement | null) => void;
}) {
  const tt = useTranslations();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) box.current?.focus();
  }, [message, attempt]);
  useEffect(() => {
    if (message) anchor?.(box.current);
  }, [message, anchor]);
  if (!message) return null;
  const items = Object.entries(errors).flatMap(([name, list]) =>
    list?.length ? list.map((text, i) => ({ key: `${name}-${i}`, id: fieldId(name), text })) : [],
  );
  const only = items.length === 1 && items[0]!.text === message ? items[0]! : null;
  const link = (id: string, text: string) => (
    <a
      href={`#${id}`}
      className="underline"
      onClick={(e) => {
        const el = document.getElementById(id) ?? document.getElementsByName(id)[0];
        if (!el) return;
        e.preventDefault();
        el.focus();
      }}
    >
      {text}
    </a>
  );
  return (
    <div
      ref={box}
      role="alert"
      tabIndex={-1}
      className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm break-words text-red-800 focus:outline-2 focus:outline-red-600"
    >
      {only ? (
        // One field refused by a sentence that is the summary itself: the sentence links to the field.
        <p className="font-medium">{link(only.id, message)}</p>
      ) : (
        <p className="font-medium">{message}</p>
      )}
      {items.length && !only ? (
        <ul className="mt-1 list-disc space-y-0.5 pl-5">
          {items.map(({ key, id, text }) => {
            const label = labelOf(id);
            return (
              <li key={key}>
                {link(id, label ? tt("errors.form.summaryItem", { field: label, message: text }) : text)}
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
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
