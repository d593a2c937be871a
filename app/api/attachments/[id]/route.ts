import { handleDownload } from "@/server/attachments/http";
import { attachmentOptions } from "../options";

export const dynamic = "force-dynamic";

/** A file, as a download, or shown in the page with ?inline=1 (images and videos only). */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const inline = new URL(req.url).searchParams.get("inline") === "1";
  return handleDownload(req, await attachmentOptions(), id, inline ? "inline" : "download");
}
