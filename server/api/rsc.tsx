import "server-only";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { headers } from "next/headers";
import { cache, type ReactNode } from "react";
import { getSessionId, getSessionUser } from "@/server/auth/get-session";
import { clientAddress } from "@/server/security/client-address";
import { makeQueryClient } from "./query-client";
import { appRouter, createCaller } from "./root";
import { createContext } from "./trpc";

/** Server-side tRPC for React Server Components: prefetch into a per-request QueryClient. */
export const getQueryClient = cache(makeQueryClient);
// The address too: a page's own reads may write within the client's limits (the KB search logs gaps).
const getContext = cache(async () =>
  createContext({ user: await getSessionUser(), sessionId: await getSessionId(), ip: clientAddress(await headers()) }),
);

export const trpc = createTRPCOptionsProxy({ ctx: getContext, router: appRouter, queryClient: getQueryClient });

/** A direct server-side caller, for pages that render data without a client cache. */
export const serverCaller = cache(async () => createCaller(await getContext()));

export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}
