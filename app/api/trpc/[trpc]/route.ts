import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { getSessionUser } from "@/server/auth/get-session";
import { clientAddress } from "@/server/security/client-address";
import { isCrossSiteMutation } from "@/server/security/cross-site";

const handler = async (req: Request) => {
  // A page on another site must not be able to make a signed-in browser change anything here.
  if (isCrossSiteMutation(req.method, req.headers)) {
    return Response.json(
      { error: { message: "Cross-site requests cannot change data.", code: "FORBIDDEN" } },
      { status: 403 },
    );
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () => createContext({ user: await getSessionUser(), ip: clientAddress(req.headers) }),
    onError({ error, path }) {
      // Never the input: it may hold personal data (passwords are never sent through tRPC).
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"} failed:`, error.cause ?? error);
    },
  });
};

export { handler as GET, handler as POST };
