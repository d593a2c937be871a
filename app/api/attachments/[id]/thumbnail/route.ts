import { handleDownload } from "@/server/attachments/http";
import { attachmentOptions } from "../../options";

export const dynamic = "force-dynamic";

/** An image's thumbnail for the ticket timeline. */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return handleDownload(req, await attachmentOptions(), id, "thumbnail");
}
