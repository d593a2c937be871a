/**
 * What the new-ticket form finds wrong before sending, every field at once, keyed as the server's
 * refusals are (the create input's fields), so one submit shows every problem it can find. The server
 * checks all of it again, and what only it can (who may watch, the description's Markdown limits).
 * Pure: no React, no clock (`now` is an argument).
 */
import { PRODUCT_AREAS, TICKET_CATEGORIES, type Priority, type TicketCategory } from "@/db/schema/enums";
import { EMAIL_SHAPE } from "@/server/identity/email";
import { FILING_LIMITS, filingRefusals } from "@/server/tickets/rules";

/** A field's problem: the i18n key of its sentence and the values the sentence names. */
export type FieldProblem = { key: string; values?: Record<string, number> };

export type FilingForm = {
  subject: string;
  description: string;
  productArea: string;
  category: string;
  priority: Priority;
  watchers: string[];
  startedAt: Date | null;
  /** Staff logging a ticket for a customer must name them. */
  requesterId: number | null;
  staff: boolean;
};

/** Each field's problems; no key at all when the form may be sent. */
export function filingProblems(form: FilingForm, now: Date): Record<string, FieldProblem[]> {
  const out: Record<string, FieldProblem[]> = {};
  const add = (field: string, problem: FieldProblem) => (out[field] ??= []).push(problem);
  if (form.staff && !form.requesterId) add("requesterId", { key: "tickets.errors.requesterRequired" });
  if (form.subject.trim().length < FILING_LIMITS.subjectMin)
    add("subject", { key: "errors.field.tooShort", values: { min: FILING_LIMITS.subjectMin } });
  if (!(PRODUCT_AREAS as readonly string[]).includes(form.productArea))
    add("productArea", { key: "errors.field.choose" });
  const category = TICKET_CATEGORIES.find((c): c is TicketCategory => c === form.category) ?? null;
  if (!category) add("category", { key: "errors.field.choose" });
  if (form.description.trim().length < FILING_LIMITS.descriptionMin)
    add("description", { key: "errors.field.tooShort", values: { min: FILING_LIMITS.descriptionMin } });
  if (form.watchers.some((w) => !EMAIL_SHAPE.test(w))) add("watchers", { key: "errors.field.email" });
  if (form.watchers.length > FILING_LIMITS.watchersMax)
    add("watchers", { key: "errors.field.tooMany", values: { max: FILING_LIMITS.watchersMax } });
  for (const [field, refusals] of Object.entries(
    filingRefusals({ category, priority: form.priority, startedAt: form.startedAt }, now),
  ))
    for (const r of refusals) add(field, { key: r.messageKey });
  return out;
}
