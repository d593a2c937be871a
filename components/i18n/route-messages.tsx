import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { pickMessages, type ClientMessagesEntry } from "@/server/i18n/client-messages";
import { MessagesScope } from "./messages-scope";

/**
 * The message namespaces the client components of one route read, handed to the browser with that
 * route only (issue 25: the catalogue is not shipped with every page). A layout or page lists its
 * namespaces in `namespaces={[...]}`; server/i18n/route-messages.test.ts fails, naming the route,
 * when a client component below reads a namespace that neither it nor the shared set provides.
 */
export async function RouteMessages({
  namespaces,
  children,
}: {
  namespaces: readonly ClientMessagesEntry[];
  children: ReactNode;
}) {
  const messages = pickMessages(await getMessages(), namespaces);
  return <MessagesScope messages={messages}>{children}</MessagesScope>;
}

/**
 * A layout that only hands over its route's namespaces: `export default messagesLayout(["tickets"])`
 * in the route's layout.tsx.
 */
export function messagesLayout(namespaces: readonly ClientMessagesEntry[]) {
  return function MessagesLayout({ children }: { children: ReactNode }) {
    return <RouteMessages namespaces={namespaces}>{children}</RouteMessages>;
  };
}
