/**
 * Sends one webhook request to an address checked by ./rules.ts. The host's name is resolved once,
 * every address it resolves to is checked, and the connection is made to those very addresses
 * (the socket's lookup answers with them), so a DNS answer that changes between the check and the
 * connection (DNS rebinding) cannot send the request somewhere else. TLS still verifies the
 * certificate against the URL's name, and the Host header is the URL's.
 */
import type { LookupAddress } from "node:dns";
import { lookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { addressRefusal, hostAddress, type DestinationRules, type Refusal } from "./rules";

/** Resolves a host name to all its addresses (the system resolver; tests pass their own). */
export type Resolve = (hostname: string) => Promise<LookupAddress[]>;

export const resolveHost: Resolve = (hostname) => lookup(hostname, { all: true });

/** A destination `addressRefusal` refused: nothing was sent. */
export class DestinationRefused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
    this.name = "DestinationRefused";
  }
}

/**
 * The addresses `url` may be sent to: the address written in it, or every address its name resolves
 * to now, each checked. Throws DestinationRefused when any one is refused (a name answering a public
 * and a private address is refused: the connection could take either), and the resolver's error when
 * the name does not resolve: the caller counts both as a failed attempt, never as allowed.
 */
export async function checkedAddresses(url: URL, rules: DestinationRules, resolve: Resolve): Promise<LookupAddress[]> {
  const literal = hostAddress(url);
  const addresses = literal
    ? [{ address: literal, family: literal.includes(":") ? 6 : 4 }]
    : await resolve(url.hostname);
  if (addresses.length === 0) throw new Error(`${url.hostname} resolves to no address`);
  for (const { address } of addresses) {
    const refusal = addressRefusal(url, address, rules);
    if (refusal) throw new DestinationRefused(refusal);
  }
  return addresses;
}

/** A socket lookup that answers only with `addresses`, in the form the socket asks for. */
export function pinnedLookup(addresses: LookupAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    const wanted = options.family === 4 || options.family === 6 ? options.family : null;
    const usable = wanted ? addresses.filter((a) => a.family === wanted) : addresses;
    const first = usable[0];
    if (!first) {
      callback(Object.assign(new Error("no checked address of the family asked for"), { code: "ENOTFOUND" }), "");
      return;
    }
    if (options.all) callback(null, usable);
    else callback(null, first.address, first.family);
  };
}

/**
 * POSTs `body` to `url`, connecting only to `addresses` (from `checkedAddresses`), without following
 * redirects (a 3xx is the receiver's answer) and without reusing connections. Answers the status and
 * at most `keep` characters of the response; a request not answered within `timeoutMs` fails.
 */
export function postTo(
  url: URL,
  addresses: LookupAddress[],
  request: { headers: Record<string, string>; body: string; timeoutMs: number; keep: number },
): Promise<{ status: number; body: string }> {
  const send = url.protocol === "https:" ? https.request : http.request;
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = (err: Error | null, answer?: { status: number; body: string }) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (err) reject(err);
      else resolve(answer!);
    };
    const req = send(
      {
        protocol: url.protocol,
        hostname: hostAddress(url) ?? url.hostname,
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        method: "POST",
        headers: { ...request.headers, "content-length": String(Buffer.byteLength(request.body)) },
        lookup: pinnedLookup(addresses),
        agent: false,
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          text += chunk;
          if (text.length >= request.keep) {
            finish(null, { status: res.statusCode ?? 0, body: text.slice(0, request.keep) });
            res.destroy();
          }
        });
        res.on("end", () => finish(null, { status: res.statusCode ?? 0, body: text }));
        // A receiver that answered and then broke off: its status stands.
        res.on("error", () => finish(null, { status: res.statusCode ?? 0, body: text }));
        res.on("close", () => finish(null, { status: res.statusCode ?? 0, body: text }));
      },
    );
    const timer = setTimeout(
      () => req.destroy(new Error(`no answer within ${request.timeoutMs} ms`)),
      request.timeoutMs,
    );
    req.on("error", (err) => finish(err));
    req.end(request.body);
  });
}
