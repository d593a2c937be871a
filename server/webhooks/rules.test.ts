import { describe, expect, it } from "vitest";
import {
  addressKind,
  addressRefusal,
  nextAttemptAt,
  notedRefusal,
  refusalNote,
  signatureHeader,
  verifySignature,
  webhookUrlRefusal,
} from "./rules";

const opts = { portalHost: "support.attain.example", allowLoopbackHttp: false, allowPrivateNetworks: false };

describe("webhook URLs", () => {
  it("an https URL of another host is accepted", () => {
    expect(webhookUrlRefusal("https://hooks.slack.example/T1/B2", opts)).toBeNull();
  });
  it("plain http, the portal itself, loopback and credentials in the URL are refused", () => {
    expect(webhookUrlRefusal("http://hooks.example/x", opts)?.messageKey).toBe("webhooks.errors.https");
    expect(webhookUrlRefusal("https://support.attain.example/api", opts)?.messageKey).toBe("webhooks.errors.self");
    expect(webhookUrlRefusal("https://127.0.0.1/x", opts)?.messageKey).toBe("webhooks.errors.self");
    expect(webhookUrlRefusal("https://localhost:3000/x", opts)?.messageKey).toBe("webhooks.errors.self");
    expect(webhookUrlRefusal("https://[::1]/x", opts)?.messageKey).toBe("webhooks.errors.self");
    expect(webhookUrlRefusal("https://u:p@hooks.example/x", opts)?.messageKey).toBe("webhooks.errors.credentials");
    expect(webhookUrlRefusal("not a url", opts)?.messageKey).toBe("webhooks.errors.url");
  });
  it("http://127.0.0.1 is accepted only with the test flag", () => {
    expect(webhookUrlRefusal("http://127.0.0.1:3401/hook", opts)?.messageKey).toBe("webhooks.errors.https");
    expect(webhookUrlRefusal("http://127.0.0.1:3401/hook", { ...opts, allowLoopbackHttp: true })).toBeNull();
    expect(webhookUrlRefusal("http://localhost:3401/hook", { ...opts, allowLoopbackHttp: true })).not.toBeNull();
  });
});

describe("webhook destinations", () => {
  const key = (url: string, o = opts) => webhookUrlRefusal(url, o)?.messageKey ?? null;

  it("loopback in every notation the URL parser reads is refused as this server itself", () => {
    for (const url of [
      "https://127.0.0.1/x",
      "https://127.1.2.3/x",
      "https://127.1/x",
      "https://2130706433/x",
      "https://0x7f000001/x",
      "https://0x7f.1/x",
      "https://0177.0.0.1/x",
      "https://127.0.0.1./x",
      "https://[::1]/x",
      "https://[0:0:0:0:0:0:0:1]/x",
      "https://[::ffff:127.0.0.1]:3411/api/monitoring/alerts",
      "https://[::ffff:7f00:1]/x",
      "https://[0:0:0:0:0:ffff:127.0.0.1]/x",
      "https://[64:ff9b::127.0.0.1]/x",
      "https://[2002:7f00:1::]/x",
      "https://0.0.0.0/x",
      "https://0/x",
      "https://[::]/x",
      "https://[::ffff:0.0.0.0]/x",
      "https://localhost/x",
      "https://LOCALHOST./x",
      "https://hooks.localhost/x",
    ])
      expect(key(url), url).toBe("webhooks.errors.self");
  });

  it("link-local addresses, the cloud metadata service among them, are refused in IPv4, IPv6 and mapped form", () => {
    for (const url of [
      "https://169.254.169.254/latest",
      "https://2852039166/latest",
      "https://[::ffff:169.254.169.254]/latest",
      "https://[::ffff:a9fe:a9fe]/latest",
      "https://[fe80::1]/x",
      "https://[febf::1]/x",
    ])
      expect(key(url), url).toBe("webhooks.errors.linkLocal");
    expect(webhookUrlRefusal("https://169.254.169.254/latest", opts)?.values).toEqual({ address: "169.254.169.254" });
  });

  it("multicast, broadcast and reserved addresses are refused", () => {
    for (const url of [
      "https://224.0.0.1/x",
      "https://239.255.255.250/x",
      "https://255.255.255.255/x",
      "https://240.0.0.1/x",
      "https://[ff02::1]/x",
      "https://[::ffff:224.0.0.1]/x",
      "https://[::7f00:1]/x",
    ])
      expect(key(url), url).toBe("webhooks.errors.reserved");
  });

  it("private networks are refused unless the installation allows them; loopback and link-local stay refused then", () => {
    const privateUrls = [
      "https://10.1.2.3/x",
      "https://167772161/x",
      "https://172.16.0.1/x",
      "https://172.31.255.255/x",
      "https://192.168.1.10/x",
      "https://100.64.0.1/x",
      "https://[fc00::1]/x",
      "https://[fd12:3456::1]/x",
      "https://[::ffff:10.0.0.1]/x",
      "https://[::ffff:c0a8:101]/x",
      "https://[64:ff9b::10.0.0.1]/x",
    ];
    for (const url of privateUrls) expect(key(url), url).toBe("webhooks.errors.private");
    const allowed = { ...opts, allowPrivateNetworks: true };
    for (const url of privateUrls) expect(key(url, allowed), url).toBeNull();
    expect(key("https://[::ffff:127.0.0.1]/x", allowed)).toBe("webhooks.errors.self");
    expect(key("https://169.254.169.254/latest", allowed)).toBe("webhooks.errors.linkLocal");
  });

  it("public addresses next to the refused ranges, and names, are accepted when saving", () => {
    for (const url of [
      "https://8.8.8.8/x",
      "https://172.15.255.255/x",
      "https://172.32.0.1/x",
      "https://100.128.0.1/x",
      "https://169.253.255.255/x",
      "https://223.255.255.255/x",
      "https://[2001:db8::1]/x",
      "https://[::ffff:8.8.8.8]/x",
      "https://[64:ff9b::8.8.8.8]/x",
      "https://hooks.example/x",
      "https://localhost.example/x",
    ])
      expect(key(url), url).toBeNull();
  });

  it("a resolved address is classified by the same rules: IPv4, IPv6, mapped and not an address at all", () => {
    expect(addressKind("127.0.0.1")).toBe("loopback");
    expect(addressKind("::ffff:7f00:1")).toBe("loopback");
    expect(addressKind("::")).toBe("unspecified");
    expect(addressKind("fe80::1")).toBe("linkLocal");
    expect(addressKind("ff02::1")).toBe("multicast");
    expect(addressKind("fd00::1")).toBe("private");
    expect(addressKind("93.184.216.34")).toBeNull();
    expect(addressKind("2606:4700::1111")).toBeNull();
    expect(addressKind("not-an-address")).toBe("reserved");
    const url = new URL("https://hooks.example/x");
    expect(addressRefusal(url, "127.0.0.1", opts)?.messageKey).toBe("webhooks.errors.self");
    expect(addressRefusal(url, "10.0.0.5", opts)?.messageKey).toBe("webhooks.errors.private");
    expect(addressRefusal(url, "93.184.216.34", opts)).toBeNull();
  });

  it("the test flag admits only plain http to 127.0.0.1 itself, not another loopback address or name", () => {
    const test = { ...opts, allowLoopbackHttp: true };
    expect(addressRefusal(new URL("http://127.0.0.1:3401/hook"), "127.0.0.1", test)).toBeNull();
    expect(addressRefusal(new URL("https://127.0.0.1/hook"), "127.0.0.1", test)?.messageKey).toBe(
      "webhooks.errors.self",
    );
    expect(addressRefusal(new URL("http://receiver.example/hook"), "127.0.0.1", test)?.messageKey).toBe(
      "webhooks.errors.self",
    );
    expect(key("http://127.0.0.2:3401/hook", test)).toBe("webhooks.errors.https");
    expect(key("http://[::ffff:127.0.0.1]:3401/hook", test)).toBe("webhooks.errors.https");
  });

  it("a refusal kept in the delivery log reads back as its key and address; other errors do not", () => {
    const refusal = addressRefusal(new URL("https://hooks.example/x"), "10.0.0.5", opts)!;
    expect(notedRefusal(refusalNote(refusal))).toEqual({
      messageKey: "webhooks.errors.private",
      values: { address: "10.0.0.5" },
    });
    const self = addressRefusal(new URL("https://hooks.example/x"), "::1", opts)!;
    expect(notedRefusal(refusalNote(self))).toEqual({ messageKey: "webhooks.errors.self", values: null });
    expect(notedRefusal("webhook disabled")).toEqual({ messageKey: "webhooks.errors.notSent", values: null });
    expect(notedRefusal("HTTP 500")).toBeNull();
    expect(notedRefusal("getaddrinfo ENOTFOUND hooks.example")).toBeNull();
    expect(notedRefusal(null)).toBeNull();
  });
});

describe("signatures", () => {
  const at = new Date("2026-03-02T10:00:00Z");
  it("a signature verifies with the secret within 5 minutes, and not with another secret, a changed body or later", () => {
    const h = signatureHeader("s3cret", '{"a":1}', at);
    expect(h).toMatch(/^t=1772445600,v1=[0-9a-f]{64}$/);
    expect(verifySignature("s3cret", '{"a":1}', h, new Date(at.getTime() + 299_000))).toBe(true);
    expect(verifySignature("other", '{"a":1}', h, at)).toBe(false);
    expect(verifySignature("s3cret", '{"a":2}', h, at)).toBe(false);
    expect(verifySignature("s3cret", '{"a":1}', h, new Date(at.getTime() + 301_000))).toBe(false);
  });
});

describe("retries", () => {
  it("a failed delivery is retried after 1, 2, 4 and 8 minutes, then given up", () => {
    const at = new Date("2026-03-02T10:00:00Z");
    expect([1, 2, 3, 4].map((n) => (nextAttemptAt(n, at)!.getTime() - at.getTime()) / 60_000)).toEqual([1, 2, 4, 8]);
    expect(nextAttemptAt(5, at)).toBeNull();
  });
});
