import { describe, expect, it } from "vitest";
import { nextAttemptAt, signatureHeader, verifySignature, webhookUrlRefusal } from "./rules";

const opts = { portalHost: "support.attain.example", allowLoopbackHttp: false };

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
