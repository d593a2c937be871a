import type { ReactNode } from "react";
import { FieldError, inputClass, labelClass } from "@/components/admin/controls";

/** A titled card of the editor's side column. */
export function Panel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="space-y-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <h2 className="text-sm font-semibold text-slate-900">{title}</h2>
      {children}
    </section>
  );
}

/** A labelled select; its error, when it has an error id, is named by aria-describedby. */
export function SelectField({
  id,
  label,
  value,
  onChange,
  children,
  error,
  errorId,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  children: ReactNode;
  error?: string;
  errorId?: string;
}) {
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className={`mt-1 ${inputClass}`}
      >
        {children}
      </select>
      {errorId ? <FieldError id={errorId} message={error} /> : null}
    </div>
  );
}

/** A labelled one-line text field with a hint below it, which the error replaces as its description. */
export function TextField({
  id,
  label,
  hint,
  value,
  onChange,
  error,
  errorId,
  mono,
}: {
  id: string;
  label: string;
  hint: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  errorId: string;
  mono?: boolean;
}) {
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <input
        id={id}
        value={value}
        spellCheck={false}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : `${id}-hint`}
        className={`mt-1 ${inputClass} ${mono ? "font-mono" : ""}`}
      />
      <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
        {hint}
      </p>
      <FieldError id={errorId} message={error} />
    </div>
  );
}
