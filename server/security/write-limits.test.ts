import { describe, expect, it } from "vitest";
import { addressBucket, windowStart, writeAllowed, writeBuckets, WRITE_LIMITS, WRITE_WINDOW_MS } from "./write-limits";

describe("[SECURITY] anonymous write limits", () => {
  it("buckets IPv4 as is and IPv6 by its /64, so rotating addresses within one subscriber does not help", () => {
    expect(addressBucket("203.0.113.7")).toBe("203.0.113.7");
    expect(addressBucket("203.0.113.7:5123")).toBe("203.0.113.7");
    expect(addressBucket("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(addressBucket("0:0:0:0:0:ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(addressBucket("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("2001:0DB8:0001:0002:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("[2001:db8:1:2::5]:443")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(addressBucket("::1")).toBe("0:0:0:0::/64");
    expect(addressBucket("64:ff9b::192.0.2.1")).toBe("64:ff9b:0:0::/64");
  });

  it("puts a missing or malformed address in the one unknown bucket", () => {
    for (const a of [null, "", "unknown", "1:2:3", "1::2::3", "2001:db8::g", "<script>", "1.2.3.4.5"])
      expect(addressBucket(a)).toBe("unknown");
  });

  it("counts a write against its address, and a signed-in user's also against the user", () => {
    expect(writeBuckets("view", { userId: null, ip: "203.0.113.7" })).toEqual([
      { key: "write:view:a:203.0.113.7", limit: WRITE_LIMITS.view.address },
    ]);
    expect(writeBuckets("feedback", { userId: 12, ip: null })).toEqual([
      { key: "write:feedback:a:unknown", limit: WRITE_LIMITS.feedback.unknownAddress },
      { key: "write:feedback:u:12", limit: WRITE_LIMITS.feedback.user },
    ]);
    for (const l of Object.values(WRITE_LIMITS)) expect(l.unknownAddress).toBeGreaterThan(l.address);
  });

  it("starts fixed windows on the hour and allows a write only when every bucket is within its limit", () => {
    expect(windowStart(new Date("2026-05-04T10:59:59.999Z"))).toEqual(new Date("2026-05-04T10:00:00Z"));
    expect(windowStart(new Date("2026-05-04T11:00:00Z"))).toEqual(new Date("2026-05-04T11:00:00Z"));
    expect(WRITE_WINDOW_MS).toBe(3_600_000);
    expect(writeAllowed([{ count: 60, limit: 60 }])).toBe(true);
    expect(writeAllowed([{ count: 61, limit: 60 }])).toBe(false);
    expect(
      writeAllowed([
        { count: 1, limit: 60 },
        { count: 21, limit: 20 },
      ]),
    ).toBe(false);
  });
});
