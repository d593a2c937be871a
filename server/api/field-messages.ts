import type { ZodError } from "zod";
import type { FieldRefusal } from "@/server/errors";

/**
 * A field's refusal as a translation key and the values its sentence names ("at most {max} characters");
 * the error formatter adds the sentence in the caller's language (`text`).
 */
export type FieldMessage = { key: string; values?: Record<string, string | number>; text?: string };

type Issue = ZodError["issues"][number];

const bound = (n: unknown): number => (typeof n === "bigint" ? Number(n) : typeof n === "number" ? n : 0);

/**
 * The sentence for one zod issue, in words a person reads: a key of the `errors.field` namespace
 * (or the key a schema named for its own refinement), never zod's text, which is written for
 * developers ("Invalid option: expected one of ...") and would reach the user in English.
 */
export function fieldMessageOf(issue: Issue): FieldMessage {
  switch (issue.code) {
    case "custom": {
      const params = issue.params as { messageKey?: unknown; messageValues?: unknown } | undefined;
      if (typeof params?.messageKey === "string") {
        const values = params.messageValues;
        return values && typeof values === "object"
          ? { key: params.messageKey, values: values as Record<string, string | number> }
          : { key: params.messageKey };
      }
      return { key: "errors.field.invalid" };
    }
    case "invalid_value":
      return { key: "errors.field.choose" };
    case "invalid_type":
      if (issue.expected === "number" || issue.expected === "int" || issue.expected === "bigint")
        return { key: "errors.field.number" };
      if (issue.expected === "date") return { key: "errors.field.date" };
      return { key: "errors.field.required" };
    case "too_small": {
      const min = bound(issue.minimum);
      if (issue.origin === "string")
        return min <= 1 ? { key: "errors.field.required" } : { key: "errors.field.tooShort", values: { min } };
      if (issue.origin === "array" || issue.origin === "set")
        return min <= 1 ? { key: "errors.field.chooseOne" } : { key: "errors.field.tooFew", values: { min } };
      if (issue.origin === "date") return { key: "errors.field.date" };
      return { key: "errors.field.tooSmall", values: { min } };
    }
    case "too_big": {
      const max = bound(issue.maximum);
      if (issue.origin === "string") return { key: "errors.field.tooLong", values: { max } };
      if (issue.origin === "array" || issue.origin === "set") return { key: "errors.field.tooMany", values: { max } };
      if (issue.origin === "date") return { key: "errors.field.date" };
      return { key: "errors.field.tooBig", values: { max } };
    }
    case "invalid_format":
      if (issue.format === "email") return { key: "errors.field.email" };
      if (issue.format === "url") return { key: "errors.field.url" };
      return { key: "errors.field.format" };
    default:
      return { key: "errors.field.invalid" };
  }
}

/**
 * Each field's refusals, keyed as `z.flattenError` keys them (the first segment of the issue's
 * path, `_form` for the input as a whole), one sentence per distinct message.
 */
export function fieldMessages(error: ZodError): Record<string, FieldMessage[]> {
  const out: Record<string, FieldMessage[]> = {};
  for (const issue of error.issues) {
    const name = issue.path.length ? String(issue.path[0]) : "_form";
    const message = fieldMessageOf(issue);
    const list = (out[name] ??= []);
    if (!list.some((m) => m.key === message.key)) list.push(message);
  }
  return out;
}

/** Each field's refusals of a domain rule (DomainError's `fields`), as the form reads zod's. */
export function domainFieldMessages(fields: Record<string, FieldRefusal[]>): Record<string, FieldMessage[]> {
  return Object.fromEntries(
    Object.entries(fields).map(([name, list]) => [
      name,
      list.map(({ messageKey, values }) => (values ? { key: messageKey, values } : { key: messageKey })),
    ]),
  );
}
