import type { AttachmentHttpOptions } from "@/server/attachments/http";
import { getAttachmentStore } from "@/server/attachments/store";
import { getSessionUser } from "@/server/auth/get-session";
import { getDb } from "@/server/db";
import { requestLocale } from "@/server/i18n/preferences";

/** What the attachment endpoints need of the request: the user, the database, the store, the language. */
export async function attachmentOptions(): Promise<AttachmentHttpOptions> {
  const user = await getSessionUser();
  return {
    user,
    db: getDb(),
    store: getAttachmentStore(),
    now: () => new Date(),
    locale: await requestLocale(user),
  };
}
