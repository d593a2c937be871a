import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-policy";

describe("passwordProblem (NIST 800-63B)", () => {
  it("accepts a long passphrase without composition rules", () => {
    expect(passwordProblem("correct horse battery staple")).toBeNull();
    expect(passwordProblem("青山绿水长流不息的声音")).toBe("tooShort");
    expect(passwordProblem("青山绿水长流不息的声音清澈")).toBeNull();
  });
  it("refuses short and overlong passwords", () => {
    expect(passwordProblem("short-pass1")).toBe("tooShort");
    expect(passwordProblem("x".repeat(257))).toBe("tooLong");
  });
  it("refuses common, repeated and sequential passwords, also with digits stuck on", () => {
    for (const p of [
      "password1234",
      "Password123456",
      "qwertyuiop123",
      "aaaaaaaaaaaaaa",
      "123456789012",
      "abcdefghijklm",
    ])
      expect(passwordProblem(p), p).toBe("common");
    expect(passwordProblem("attain-demo-2026")).toBe("common");
  });
  it("refuses a password made of the user's own email or name", () => {
    expect(passwordProblem("mei.chen2026!!", { email: "mei.chen@nimbus.example" })).toBe("personal");
    expect(passwordProblem("LiWeiLiWei1234", { name: "Li Wei" })).toBe("personal");
    expect(passwordProblem("mei's long walk home", { email: "mei@nimbus.example" })).toBeNull();
    // The whole address, domain included, with a digit stuck on.
    expect(passwordProblem("ada@vendor.example1", { email: "ada@vendor.example" })).toBe("personal");
    expect(passwordProblem("Nimbus.Example.2026", { email: "mei@nimbus.example" })).toBe("personal");
    expect(passwordProblem("nimbus winter harbour lights", { email: "mei@nimbus.example" })).toBeNull();
  });
});
