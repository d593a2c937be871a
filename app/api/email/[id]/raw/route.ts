import { getSessionUser } from "@/server/auth/get-session";
import { can } from "@/server/auth/permissions";
import { getDb } from "@/server/db";
import { originalMessage } from "@/server/email/service";

export const dynamic = "force-dynamic";

const PRIVATE = { "cache-control": "private, no-cache", "x-content-type-options": "nosniff" };

/** A received message as it arrived (.eml), for support staff only; anyone else: it does not exist. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await getSessionUser();
  const message = can(user, "tickets.support") && /^\d{1,12}$/.test(id) ? originalMessage(getDb(), Number(id)) : null;
  if (!message) return new Response("Not found", { status: 404, headers: PRIVATE });
  return new Response(new Uint8Array(message.raw), {
    headers: {
      ...PRIVATE,
      "content-type": "message/rfc822",
      "content-disposition": `attachment; filename="message-${id}.eml"`,
      "content-security-policy": "default-src 'none'; sandbox",
    },
  });
}
