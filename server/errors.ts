/** Codes a domain function may fail with; the tRPC layer maps each to one HTTP-level code. */
export type DomainErrorCode = "NOT_FOUND" | "FORBIDDEN" | "CONFLICT" | "INVALID" | "UNAUTHORIZED" | "TOO_MANY_REQUESTS";

/** Numbers or words a translated sentence names (`{found}`, `{max}`), passed to the i18n message as its values. */
export type MessageValues = Record<string, string | number>;

/** A value of a sentence that is itself a refusal (the reason inside a bulk action's refusal). */
export type NestedRefusal = { messageKey: string; values?: MessageValues };

/** One field's refusal: the i18n key of its sentence, the values it names, and the English text. */
export type FieldRefusal = { messageKey: string; message: string; values?: MessageValues };

/**
 * The one error type domain and service code throws. `messageKey` names a message in the
 * i18n files so the user reads a sentence in their own language, with `values` filled in
 * (those named in `nested` are refusals of their own, translated alike); `message` is the English text.
 */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly messageKey: string,
    readonly values?: MessageValues,
    readonly nested?: Record<string, NestedRefusal>,
    /** Each refused field's sentences, keyed by the input's field: the form shows them beside the fields. */
    readonly fields?: Record<string, FieldRefusal[]>,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const notFound = (what: string) => new DomainError("NOT_FOUND", `${what} was not found.`, "errors.notFound");
export const forbidden = () =>
  new DomainError("FORBIDDEN", "You do not have permission to do this.", "errors.forbidden");
/** A customer account that belongs to no organization (only a half-finished import makes one). */
export const noOrganization = () =>
  new DomainError("FORBIDDEN", "Your account has no organization.", "errors.noOrganization");

/** Throws the refusal a pure rule returned (a sentence, its i18n key and values), if any. */
export function refuseIf(
  refusal: { message: string; messageKey: string; values?: MessageValues } | null,
  code: DomainErrorCode = "INVALID",
): void {
  if (refusal) throw new DomainError(code, refusal.message, refusal.messageKey, refusal.values);
}

/**
 * Refuses input whose fields break rules, every field at once (a form shows all its problems after
 * one submit, not the first of them): one refusal reads as its own sentence, several as "Some fields
 * need your attention."; each field's sentences reach the form beside the field (the error formatter).
 */
export function refuseFields(fields: Record<string, FieldRefusal[]>): void {
  const refusal = fieldsRefusal(fields);
  if (refusal) throw refusal;
}

/** The error refuseFields throws, or null when no field is refused. */
export function fieldsRefusal(fields: Record<string, FieldRefusal[]>): DomainError | null {
  const refused = Object.fromEntries(Object.entries(fields).filter(([, list]) => list.length > 0));
  const all = Object.values(refused).flat();
  if (all.length === 0) return null;
  const only = all.length === 1 ? all[0]! : null;
  return new DomainError(
    "INVALID",
    only?.message ?? "Some fields need your attention.",
    only?.messageKey ?? "errors.form.invalid",
    only?.values,
    undefined,
    refused,
  );
}
