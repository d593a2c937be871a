import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { checkedAddresses, DestinationRefused, postTo, type Resolve } from "./send";

const rules = { portalHost: null, allowLoopbackHttp: true, allowPrivateNetworks: false };
const servers: http.Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

/** A server on 127.0.0.1 answering every request with `answer`, keeping each request's Host header. */
async function server(answer: (res: http.ServerResponse) => void) {
  const hosts: string[] = [];
  const s = http.createServer((req, res) => {
    hosts.push(String(req.headers.host));
    req.resume().on("end", () => answer(res));
  });
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  servers.push(s);
  return { port: (s.address() as AddressInfo).port, hosts };
}

const request = { headers: { "content-type": "application/json" }, body: "{}", timeoutMs: 5000, keep: 2000 };

describe("sending to a checked address", () => {
  it("the connection goes to the address that was checked, not to what the name resolves to when connecting", async () => {
    const r = await server((res) => res.writeHead(200).end("ok"));
    // The .invalid name resolves nowhere (RFC 6761): reaching the receiver proves the socket used the checked address.
    const url = new URL(`http://receiver.invalid:${r.port}/hook`);
    const answer = await postTo(url, [{ address: "127.0.0.1", family: 4 }], request);
    expect(answer).toEqual({ status: 200, body: "ok" });
    expect(r.hosts).toEqual([`receiver.invalid:${r.port}`]);
  });

  it("a redirect is the receiver's answer, not followed, and a long response is cut to what the log keeps", async () => {
    const r = await server((res) =>
      res.writeHead(302, { location: "http://127.0.0.1:1/elsewhere" }).end("x".repeat(5000)),
    );
    const answer = await postTo(new URL(`http://127.0.0.1:${r.port}/hook`), [{ address: "127.0.0.1", family: 4 }], {
      ...request,
      keep: 100,
    });
    expect(answer).toEqual({ status: 302, body: "x".repeat(100) });
    expect(r.hosts).toHaveLength(1);
  });

  it("a receiver that does not answer in time fails the request", async () => {
    const r = await server(() => undefined);
    await expect(
      postTo(new URL(`http://127.0.0.1:${r.port}/hook`), [{ address: "127.0.0.1", family: 4 }], {
        ...request,
        timeoutMs: 200,
      }),
    ).rejects.toThrow(/no answer within 200 ms/);
  });
});

describe("checking what a name resolves to", () => {
  const answering =
    (...addresses: string[]): Resolve =>
    () =>
      Promise.resolve(addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 })));

  it("every address is checked: a name answering a public and a loopback address is refused", async () => {
    const url = new URL("https://hooks.example/x");
    await expect(checkedAddresses(url, rules, answering("93.184.216.34", "127.0.0.1"))).rejects.toBeInstanceOf(
      DestinationRefused,
    );
    await expect(checkedAddresses(url, rules, answering("::ffff:169.254.169.254"))).rejects.toMatchObject({
      refusal: { messageKey: "webhooks.errors.linkLocal" },
    });
    await expect(checkedAddresses(url, rules, answering("93.184.216.34", "2606:4700::1111"))).resolves.toHaveLength(2);
  });

  it("a failed lookup or an empty answer is an error, never an allowed destination", async () => {
    const url = new URL("https://hooks.example/x");
    const failing: Resolve = () =>
      Promise.reject(Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" }));
    await expect(checkedAddresses(url, rules, failing)).rejects.toThrow(/ENOTFOUND/);
    await expect(checkedAddresses(url, rules, answering())).rejects.toThrow(/no address/);
  });

  it("an address written in the URL is checked without asking the resolver", async () => {
    const never: Resolve = () => Promise.reject(new Error("resolver asked"));
    await expect(checkedAddresses(new URL("https://[::ffff:7f00:1]/x"), rules, never)).rejects.toMatchObject({
      refusal: { messageKey: "webhooks.errors.self" },
    });
    await expect(checkedAddresses(new URL("https://[2606:4700::1111]/x"), rules, never)).resolves.toEqual([
      { address: "2606:4700::1111", family: 6 },
    ]);
  });
});
