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
  // A relative Location: the browser stays on the host it opened the portal on (behind a proxy, or
  // 127.0.0.1 against localhost, req.nextUrl.origin names another host whose cookie it lacks).
  const to = (path: string) => new NextResponse(null, { status: 303, headers: { location: path } });
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
