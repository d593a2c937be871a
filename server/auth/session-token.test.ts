import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { decodeSessionToken } from "./session-token";

const secret = "session-token-test-secret-0123456789abcdef";
const claims = { attain: { id: 7, role: "customer" }, sid: "s1" };

describe("reading the session cookie", () => {
  it("reads the claims of a cookie next-auth wrote, the same each time it is presented", async () => {
    const token = await encode({ token: claims, secret, maxAge: 3600 });
    const first = await decodeSessionToken(token, secret);
    expect(first).toMatchObject(claims);
    expect(await decodeSessionToken(token, secret)).toEqual(first);
  });

  it("refuses a cookie under another secret, a changed cookie and one that is not a token", async () => {
    const token = await encode({ token: claims, secret, maxAge: 3600 });
    await decodeSessionToken(token, secret);
    expect(await decodeSessionToken(token, `${secret}-other`)).toBeNull();
    const changed = `${token.slice(0, -3)}${token.endsWith("AAA") ? "BBB" : "AAA"}`;
    expect(await decodeSessionToken(changed, secret)).toBeNull();
    expect(await decodeSessionToken("not-a-token", secret)).toBeNull();
  });

  it("a cookie read while it was valid is refused once it has expired, beyond the 15 s of clock tolerance", async () => {
    const token = await encode({ token: claims, secret, maxAge: 60 });
    const now = Date.now();
    expect(await decodeSessionToken(token, secret, now)).not.toBeNull();
    expect(await decodeSessionToken(token, secret, now + 70_000)).not.toBeNull();
    expect(await decodeSessionToken(token, secret, now + 80_000)).toBeNull();
  });

  it("an expired cookie is refused the first time too", async () => {
    const token = await encode({ token: claims, secret, maxAge: -60 });
    expect(await decodeSessionToken(token, secret)).toBeNull();
  });
});
