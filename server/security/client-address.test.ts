import { describe, expect, it } from "vitest";
import { addressFrom, clientAddress, normalizeAddress, parseTrustedProxies } from "./client-address";

const headers = (h: Record<string, string>) => new Headers(h);

describe("[SECURITY] the client address without a trusted proxy", () => {
  const none = parseTrustedProxies(undefined);

  it("is the TCP peer our own server reports, whatever X-Forwarded-For and X-Real-IP claim", () => {
    expect(
      addressFrom(
        headers({ "x-attain-peer": "198.51.100.23", "x-forwarded-for": "203.0.113.9", "x-real-ip": "203.0.113.10" }),
        none,
      ),
    ).toBe("198.51.100.23");
  });

  it("is what clientAddress gives when TRUSTED_PROXIES is unset: a client's own X-Forwarded-For is not believed", () => {
    expect(clientAddress(headers({ "x-forwarded-for": "6.6.6.6", "x-attain-peer": "198.51.100.23" }))).toBe(
      "198.51.100.23",
    );
    expect(clientAddress(headers({ "x-forwarded-for": "6.6.6.6", "x-real-ip": "6.6.6.7" }))).toBeNull();
  });

  it("is unknown when the request did not come through our server, even with X-Forwarded-For", () => {
    expect(addressFrom(headers({ "x-forwarded-for": "203.0.113.9" }), none)).toBeNull();
    expect(addressFrom(headers({}), none)).toBeNull();
  });

  it("writes an IPv4-mapped IPv6 peer as IPv4 and refuses anything that is not an address", () => {
    expect(addressFrom(headers({ "x-attain-peer": "::ffff:127.0.0.1" }), none)).toBe("127.0.0.1");
    expect(addressFrom(headers({ "x-attain-peer": "2001:DB8::1" }), none)).toBe("2001:db8::1");
    expect(addressFrom(headers({ "x-attain-peer": "<script>" }), none)).toBeNull();
    expect(addressFrom(headers({ "x-attain-peer": "1".repeat(100) }), none)).toBeNull();
  });
});

describe("[SECURITY] the client address behind a number of trusted proxy hops", () => {
  it("one hop: the last X-Forwarded-For entry, which our proxy appended; a client's own entries before it are ignored", () => {
    const one = parseTrustedProxies("1");
    expect(addressFrom(headers({ "x-attain-peer": "10.0.0.5", "x-forwarded-for": "6.6.6.6, 203.0.113.9" }), one)).toBe(
      "203.0.113.9",
    );
  });

  it("two hops: the second entry from the end", () => {
    const two = parseTrustedProxies("2");
    expect(
      addressFrom(headers({ "x-attain-peer": "10.0.0.5", "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.4" }), two),
    ).toBe("203.0.113.9");
    expect(addressFrom(headers({ "x-attain-peer": "10.0.0.5", "x-forwarded-for": "203.0.113.9" }), two)).toBe(
      "203.0.113.9",
    );
  });

  it("the peer when no proxy forwarded anything; ports and brackets are dropped", () => {
    const one = parseTrustedProxies("1");
    expect(addressFrom(headers({ "x-attain-peer": "10.0.0.5" }), one)).toBe("10.0.0.5");
    expect(addressFrom(headers({ "x-forwarded-for": "[2001:db8::7]:443" }), one)).toBe("2001:db8::7");
    expect(addressFrom(headers({ "x-forwarded-for": "203.0.113.9:5123" }), one)).toBe("203.0.113.9");
  });
});

describe("[SECURITY] the client address behind a list of trusted proxies", () => {
  const list = parseTrustedProxies("10.0.0.0/8, 192.0.2.1, fd00::/8");

  it("walks X-Forwarded-For from the end past trusted proxies to the first address that is not one", () => {
    expect(
      addressFrom(
        headers({ "x-attain-peer": "10.0.0.5", "x-forwarded-for": "6.6.6.6, 203.0.113.9, 192.0.2.1, 10.1.1.1" }),
        list,
      ),
    ).toBe("203.0.113.9");
    expect(addressFrom(headers({ "x-attain-peer": "fd00::1", "x-forwarded-for": "2001:db8::9, fd12::3" }), list)).toBe(
      "2001:db8::9",
    );
  });

  it("a peer that is not a trusted proxy is the client, whatever it forwards", () => {
    expect(addressFrom(headers({ "x-attain-peer": "203.0.113.50", "x-forwarded-for": "6.6.6.6" }), list)).toBe(
      "203.0.113.50",
    );
  });

  it("a trusted proxy talking for itself is the client", () => {
    expect(addressFrom(headers({ "x-attain-peer": "10.0.0.5" }), list)).toBe("10.0.0.5");
  });

  it("garbage where a trusted proxy should have written an address gives no address", () => {
    expect(addressFrom(headers({ "x-attain-peer": "10.0.0.5", "x-forwarded-for": "evil, nonsense" }), list)).toBeNull();
  });
});

describe("TRUSTED_PROXIES", () => {
  it("empty or 0 trusts no proxy; a number is hops; a list holds addresses and ranges", () => {
    expect(parseTrustedProxies("")).toBeNull();
    expect(parseTrustedProxies("0")).toBeNull();
    expect(parseTrustedProxies(" 2 ")).toEqual({ hops: 2 });
    expect(parseTrustedProxies("127.0.0.1,::1")).toHaveProperty("proxies");
  });

  it("an entry that is neither an address nor a range stops the server at start", () => {
    for (const bad of ["proxy.internal", "10.0.0.0/33", "10.0.0.1/8/1", "10.0.0.1, ", "::1/129"])
      expect(() => parseTrustedProxies(bad), bad).toThrow(/TRUSTED_PROXIES/);
  });

  it("addresses are normalized the way the audit log shows them", () => {
    expect(normalizeAddress(" 203.0.113.9 ")).toBe("203.0.113.9");
    expect(normalizeAddress("unknown")).toBeNull();
    expect(normalizeAddress(null)).toBeNull();
  });
});
