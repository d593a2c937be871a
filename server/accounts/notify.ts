import { inArray } from "drizzle-orm";
import { notifications, outbox, users } from "@/db/schema";
import type { Locale, NotificationKind } from "@/db/schema/enums";
import type { Db } from "@/server/db";
import { chosenDeliveries } from "@/server/email/outbound";
import { deliveryFor } from "@/server/email/preferences";
import { mailTranslator, type MailTranslate } from "@/server/identity/mail";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * Tells people about an account event (a meeting request or its answer, a shared review) in the
 * same transaction as the change: an in-app notification (no ticket attached) and an email in the
 * outbox for those who get this kind by email (server/email/preferences.ts), sent through SMTP when
 * configured, as ticket notifications are. `mail` writes the email in each recipient's language.
 */
export function notifyAccountPeople(
  tx: Tx,
  ids: number[],
  n: {
    kind: NotificationKind;
    mail: (t: MailTranslate, locale: Locale) => { subject: string; body: string };
    now: Date;
  },
): void {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  for (const p of tx
    .select({ id: users.id, email: users.email, role: users.role, locale: users.locale })
    .from(users)
    .where(inArray(users.id, unique))
    .all()) {
    tx.insert(notifications).values({ userId: p.id, ticketId: null, kind: n.kind, createdAt: n.now }).run();
    if (deliveryFor(p.role, n.kind, chosenDeliveries(tx, p.id)) === "email") {
      const { subject, body } = n.mail(mailTranslator(p.locale), p.locale === "zh" ? "zh" : "en");
      tx.insert(outbox).values({ to: p.email, subject, body, createdAt: n.now }).run();
    }
  }
}
