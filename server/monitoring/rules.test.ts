import { describe, expect, it } from "vitest";
import { checkSignature, signatureHeader } from "@/server/webhooks/rules";
import { GROUP_WINDOW_MS, RECEIPT_KEEP_MS, groupWindow, ZMonitoringAlert } from "./rules";

// 2026-03-02 09:00 UTC (17:00 Asia/Shanghai): instants are UTC; no zone matters to these rules.
const AT = new Date("2026-03-02T09:00:00Z");
const BODY = '{"organizationId":1}';
const later = (seconds: number) => new Date(AT.getTime() + seconds * 1000);

const alert = (over: Record<string, unknown> = {}) => ({
  organizationId: 7,
  productArea: "voice_calling",
  metric: "audio_packet_loss",
  priority: "P0",
  detectedAt: "2026-03-02T08:56:00Z",
  ...over,
});

describe("[MONITORING] a monitoring alert's signature", () => {
  it("signed with the current key or a rotated one still in grace, it is accepted and names the request", () => {
    const header = signatureHeader("old-key", BODY, AT);
    const check = checkSignature(header, BODY, ["new-key", "old-key"], later(10));
    expect(check).toEqual({ ok: true, timestamp: AT.getTime() / 1000, v1: header.split("v1=")[1] });
  });

  it("without a header, or with one that is not t=..,v1=.., it is unsigned", () => {
    expect(checkSignature(null, BODY, ["k"], AT)).toEqual({ ok: false, reason: "unsigned" });
    for (const header of ["", "garbage", "t=abc,v1=00", `t=${AT.getTime() / 1000}`, "v1=" + "a".repeat(64)])
      expect(checkSignature(header, BODY, ["k"], AT), header).toEqual({ ok: false, reason: "unsigned" });
  });

  it("a timestamp more than 5 minutes from now either way is stale, even with the right key", () => {
    const header = signatureHeader("k", BODY, AT);
    expect(checkSignature(header, BODY, ["k"], later(300)).ok).toBe(true);
    expect(checkSignature(header, BODY, ["k"], later(301))).toEqual({ ok: false, reason: "stale" });
    expect(checkSignature(header, BODY, ["k"], later(-301))).toEqual({ ok: false, reason: "stale" });
  });

  it("another key, or a body changed by one byte, does not match", () => {
    const header = signatureHeader("k", BODY, AT);
    expect(checkSignature(header, BODY, ["other"], AT)).toEqual({ ok: false, reason: "signature" });
    expect(checkSignature(header, BODY.replace("1", "2"), ["k"], AT)).toEqual({ ok: false, reason: "signature" });
    expect(checkSignature(header, BODY, [], AT)).toEqual({ ok: false, reason: "signature" });
  });

  it("upper-case hex is the same signature, so a replay cannot dodge the receipt by changing case", () => {
    const header = signatureHeader("k", BODY, AT);
    const upper = header.replace(/v1=(\w+)/, (_, h: string) => `v1=${h.toUpperCase()}`);
    const a = checkSignature(header, BODY, ["k"], AT);
    const b = checkSignature(upper, BODY, ["k"], AT);
    expect(a.ok && b.ok && a.v1 === b.v1).toBe(true);
  });

  it("a receipt is kept longer than a signature stays fresh, so a replay is always caught", () => {
    expect(RECEIPT_KEEP_MS).toBeGreaterThan(2 * 300_000 - 1);
  });
});

describe("[MONITORING] a monitoring alert's body", () => {
  it("names its organization by number or by App ID, never both or neither", () => {
    expect(ZMonitoringAlert.safeParse(alert()).success).toBe(true);
    expect(ZMonitoringAlert.safeParse(alert({ organizationId: undefined, appId: "a1b2" })).success).toBe(true);
    expect(ZMonitoringAlert.safeParse(alert({ appId: "a1b2" })).success).toBe(false);
    expect(ZMonitoringAlert.safeParse(alert({ organizationId: undefined })).success).toBe(false);
  });

  it("is P0 or P1 only, with a detection time that carries its offset", () => {
    expect(ZMonitoringAlert.safeParse(alert({ priority: "P2" })).success).toBe(false);
    expect(ZMonitoringAlert.safeParse(alert({ detectedAt: "2026-03-02T16:56:00+08:00" })).success).toBe(true);
    expect(ZMonitoringAlert.safeParse(alert({ detectedAt: "2026-03-02 16:56" })).success).toBe(false);
  });

  it("refuses unknown fields, an empty or overlong metric, and an unknown product area", () => {
    expect(ZMonitoringAlert.safeParse(alert({ severity: "high" })).success).toBe(false);
    expect(ZMonitoringAlert.safeParse(alert({ metric: "  " })).success).toBe(false);
    expect(ZMonitoringAlert.safeParse(alert({ metric: "m".repeat(81) })).success).toBe(false);
    expect(ZMonitoringAlert.safeParse(alert({ productArea: "email" })).success).toBe(false);
  });
});

describe("[MONITORING] when two alerts are the same problem", () => {
  it("an earlier alert detected up to 30 minutes before or after, inclusive, is in the window", () => {
    const detected = new Date("2026-03-02T09:30:00Z");
    expect(groupWindow(detected)).toEqual({
      from: new Date("2026-03-02T09:00:00Z"),
      to: new Date("2026-03-02T10:00:00Z"),
    });
    expect(GROUP_WINDOW_MS).toBe(30 * 60_000);
  });
});
