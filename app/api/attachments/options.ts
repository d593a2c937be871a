import { getTranslations } from "next-intl/server";
import type { AttachmentHttpOptions } from "@/server/attachments/http";
import { getAttachmentStore } from "@/server/attachments/store";
import { getSessionUser } from "@/server/auth/get-session";
import { getDb } from "@/server/db";

/** What the attachment endpoints need of the request: the user, the database, the store, the language. */
export async function attachmentOptions(): Promise<AttachmentHttpOptions> {
  const t = await getTranslations();
  return {
    user: await getSessionUser(),
    db: getDb(),
    store: getAttachmentStore(),
    now: () => new Date(),
    t: (key, values) => t(key as never, values as never),
  };
}
