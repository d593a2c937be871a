import { describe, expect, it } from "vitest";
import { sessionVerdict, type SessionClaim, type StoredSession } from "./session-rules";

const now = new Date("2026-11-20T12:00:00Z");
const claim: SessionClaim = { sessionId: "s1", userId: 7, role: "customer", organizationId: 1 };
const stored: StoredSession = {
  expiresAt: new Date("2026-11-20T20:00:00Z"),
  revokedAt: null,
  userId: 7,
  role: "customer",
  organizationId: 1,
  active: true,
};

describe("when a session stands", () => {
  it("an unrevoked, unexpired session of an active user with the same role and organization stands", () => {
    expect(sessionVerdict(claim, stored, now)).toBe("valid");
  });

  it("a session id with no row, or a row of another user, does not", () => {
    expect(sessionVerdict(claim, null, now)).toBe("unknown");
    expect(sessionVerdict(claim, { ...stored, userId: 8 }, now)).toBe("unknown");
  });

  it("a signed-out session does not, even before it would have expired", () => {
    expect(sessionVerdict(claim, { ...stored, revokedAt: new Date("2026-11-20T11:00:00Z") }, now)).toBe("revoked");
  });

  it("a session ends at its expiry instant", () => {
    expect(sessionVerdict(claim, { ...stored, expiresAt: now }, now)).toBe("expired");
  });

  it("a deactivated user, or one whose role or organization changed, is to be signed out at once", () => {
    expect(sessionVerdict(claim, { ...stored, active: false }, now)).toBe("userChanged");
    expect(sessionVerdict(claim, { ...stored, role: "agent" }, now)).toBe("userChanged");
    expect(sessionVerdict(claim, { ...stored, organizationId: 2 }, now)).toBe("userChanged");
    expect(sessionVerdict(claim, { ...stored, organizationId: null }, now)).toBe("userChanged");
  });
});
