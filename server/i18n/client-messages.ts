import type en from "./messages/en.json";

type Catalogue = typeof en;

/** A top-level namespace of the message catalogue. */
export type ClientNamespace = keyof Catalogue;

/** A namespace's part that is a group of messages: "tickets.statuses". */
type NamespacePart = {
  [N in ClientNamespace]: {
    [P in keyof Catalogue[N]]: Catalogue[N][P] extends string ? never : `${N}.${P & string}`;
  }[keyof Catalogue[N]];
}[ClientNamespace];

/**
 * What a route hands to the browser: a whole namespace, or one group of a large namespace when its
 * client components read only that group ("tickets.productAreas" instead of the 15 KB of "tickets").
 */
export type ClientMessagesEntry = ClientNamespace | NamespacePart;

/**
 * What the browser receives of the message catalogue (issue 25). Without a `messages` prop,
 * NextIntlClientProvider serializes the whole catalogue (116 KB of JSON) into the RSC payload of
 * every page. Instead the root layout hands over the shared set below, and each route adds the
 * namespaces its own client components read (components/i18n/route-messages.tsx).
 * Server components read the catalogue on the server and send none of it.
 * route-messages.test.ts fails when a client component reads a namespace its route does not hand over.
 */
export const SHARED_NAMESPACES = [
  // error boundaries and generic controls
  "common",
  "locale",
  // what every form's error summary reads (components/ui/form.tsx); the refusals themselves arrive
  // translated, so the rest of "errors" stays on the server
  "errors.field",
  "errors.form",
  // the shared formatting helpers (components/format.ts), called by client components everywhere
  "duration",
] as const satisfies readonly ClientMessagesEntry[];

type Messages = Record<string, unknown>;

/** The catalogue narrowed to the given namespaces and namespace parts ("ns.part"). */
export function pickMessages(messages: Messages, namespaces: readonly string[]): Messages {
  const out: Messages = {};
  for (const entry of namespaces) {
    const [ns, part] = entry.split(".") as [string, string | undefined];
    if (!(ns in messages)) continue;
    if (part === undefined) out[ns] = messages[ns];
    else if (out[ns] !== messages[ns]) {
      const value = (messages[ns] as Messages)[part];
      if (value !== undefined) out[ns] = { ...((out[ns] as Messages | undefined) ?? {}), [part]: value };
    }
  }
  return out;
}

/**
 * What the root layout hands to every page: the shared namespaces. The server's refusals arrive
 * translated (the error formatter in server/api/trpc.ts), so their texts stay on the server.
 */
export function clientMessages(messages: Messages): Messages {
  return pickMessages(messages, SHARED_NAMESPACES);
}
