import { NextResponse, type NextRequest } from "next/server";
import { serverCaller } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";
import { can } from "@/server/auth/permissions";

/**
 * "Next ticket" as an address (the queue's button, the ticket page's j): takes the most urgent
 * unassigned open ticket other than `after` and opens it; back to the queue, saying so, when none
 * waits. A request from another site takes nothing (a link elsewhere must not assign tickets).
 */
export async function GET(req: NextRequest) {
  const to = (path: string) => NextResponse.redirect(new URL(path, req.nextUrl.origin), 303);
  const user = await getSessionUser();
  if (!user) return to("/signin");
  if (!can(user, "tickets.support")) return to("/queue");
  if (req.headers.get("sec-fetch-site") === "cross-site") return to("/queue");
  const after = /^\d{1,12}$/.test(req.nextUrl.searchParams.get("after") ?? "")
    ? Number(req.nextUrl.searchParams.get("after"))
    : null;
  const next = await (await serverCaller()).tickets.takeNext({ after });
  return to(next ? `/tickets/${next.id}` : "/queue?none=1");
}
