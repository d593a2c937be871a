/**
 * What the portal shows for a ticket opened from a mail without a subject, or for a mail without
 * text. Such a ticket or comment stores an empty string, never an English "(no subject)": every
 * reader sees the placeholder in their own language, in the portal and in their mails (decision 043).
 * Pure.
 */

/** A ticket's subject as a reader sees it: `noSubject` (their "(no subject)") when it has none. */
export function shownSubject(subject: string, noSubject: string): string {
  return subject.trim() ? subject : noSubject;
}

/** A ticket description or comment as a reader sees it: `noText` (their "(no text)") when it has none. */
export function shownText(text: string, noText: string): string {
  return text.trim() ? text : noText;
}
