import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("a password verifies against its own hash and not another password", async () => {
    const hash = await hashPassword("attain-demo");
    expect(hash.startsWith("scrypt$16384$8$1$")).toBe(true);
    expect(await verifyPassword("attain-demo", hash)).toBe(true);
    expect(await verifyPassword("attain-demo2", hash)).toBe(false);
  });

  it("the same password hashes differently each time (salted)", async () => {
    expect(await hashPassword("x")).not.toBe(await hashPassword("x"));
  });

  it("a malformed stored hash never verifies", async () => {
    expect(await verifyPassword("x", "plain")).toBe(false);
    expect(await verifyPassword("x", "scrypt$1$2")).toBe(false);
  });
});
