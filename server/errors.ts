/** Codes a domain function may fail with; the tRPC layer maps each to one HTTP-level code. */
export type DomainErrorCode = "NOT_FOUND" | "FORBIDDEN" | "CONFLICT" | "INVALID" | "UNAUTHORIZED" | "TOO_MANY_REQUESTS";

/** Numbers or words a translated sentence names (`{found}`, `{max}`), passed to the i18n message as its values. */
export type MessageValues = Record<string, string | number>;

/** A value of a sentence that is itself a refusal (the reason inside a bulk action's refusal). */
export type NestedRefusal = { messageKey: string; values?: MessageValues };

/**
 * The one error type domain and service code throws. `messageKey` names a message in the
 * i18n files so the user reads a sentence in their own language, with `values` filled in
 * (those named in `nested` are refusals of their own, translated alike); `message` is the English text.
 */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly messageKey?: string,
    readonly values?: MessageValues,
    readonly nested?: Record<string, NestedRefusal>,
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
