import { handleUpload } from "@/server/attachments/http";
import { attachmentOptions } from "./options";

export const dynamic = "force-dynamic";

/** One file per request, streamed to the store (server/attachments/http.ts). */
export async function POST(req: Request) {
  return handleUpload(req, await attachmentOptions());
}
