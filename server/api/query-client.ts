import { defaultShouldDehydrateQuery, QueryClient } from "@tanstack/react-query";

/**
 * One QueryClient factory for the server (per request) and the browser (once).
 *
 * A server page's prefetched queries reach the browser inside the React Server Components payload
 * (`HydrateClient` in server/api/rsc.tsx), which carries Dates, Maps, Sets, BigInts and undefined
 * as they are; so the dehydrated data is handed over untouched, not through superjson (which cost
 * about 1.2 ms a view on a ticket page with a long timeline, and its paths made the payload
 * larger). The tRPC link's own requests keep superjson (components/trpc/client.tsx).
 */
export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30 * 1000 },
      dehydrate: {
        shouldDehydrateQuery: (query) => defaultShouldDehydrateQuery(query) || query.state.status === "pending",
      },
    },
  });
}
