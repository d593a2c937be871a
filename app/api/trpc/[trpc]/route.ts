import { handleTrpcRequest } from "@/server/api/http";
import { getSessionId, getSessionUser } from "@/server/auth/get-session";
import { requestLocale } from "@/server/i18n/preferences";
import { clientAddress } from "@/server/security/client-address";

/** tRPC over HTTP; the checks and limits live in server/api/http.ts. */
const handler = (req: Request) =>
  handleTrpcRequest(req, {
    user: getSessionUser,
    sessionId: getSessionId,
    locale: requestLocale,
    ip: clientAddress(req.headers),
  });

export { handler as GET, handler as POST };
