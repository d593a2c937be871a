import { describe, expect, it } from "vitest";
import { emailDomain, isLoopbackHttp, issuerProblem, normalizeDomains, ssoSignInRefusal } from "./sso";

describe("[IDENTITY] single sign-on rules", () => {
  it("an email's domain is its lower-case part after the last @, and only a real domain name counts", () => {
    expect(emailDomain("Lin.Wei@Orbit.Example")).toBe("orbit.example");
    expect(emailDomain("a@b@corp.example")).toBe("corp.example");
    for (const bad of ["", "nobody", "@corp.example", "a@", "a@localhost", "a@corp..example", "a@-corp.example"]) {
      expect(emailDomain(bad)).toBeNull();
    }
  });

  it("domains are trimmed, lower-cased and deduplicated; an @, a URL or an empty list is refused", () => {
    expect(normalizeDomains([" Orbit.Example ", "orbit.example.", "", "chat.orbit.example"])).toEqual({
      domains: ["orbit.example", "chat.orbit.example"],
    });
    expect(normalizeDomains(["@orbit.example"])).toMatchObject({ refusal: { messageKey: "sso.errors.badDomain" } });
    expect(normalizeDomains(["https://orbit.example"])).toMatchObject({
      refusal: { values: { domain: "https://orbit.example" } },
    });
    expect(normalizeDomains([" ", ""])).toMatchObject({ refusal: { messageKey: "sso.errors.noDomain" } });
  });

  it("an issuer is https; plain http only on this machine; never with credentials, a query or a fragment", () => {
    expect(issuerProblem("https://login.example.com")).toBeNull();
    expect(issuerProblem("https://kc.example.com/realms/orbit")).toBeNull();
    expect(issuerProblem("http://127.0.0.1:3190")).toBeNull();
    expect(issuerProblem("http://localhost:8080/")).toBeNull();
    expect(issuerProblem("http://login.example.com")?.messageKey).toBe("sso.errors.insecureIssuer");
    expect(issuerProblem("http://127.0.0.1.evil.example")?.messageKey).toBe("sso.errors.insecureIssuer");
    expect(issuerProblem("ftp://login.example.com")?.messageKey).toBe("sso.errors.insecureIssuer");
    expect(issuerProblem("login.example.com")?.messageKey).toBe("sso.errors.badIssuer");
    expect(issuerProblem("https://user:pw@login.example.com")?.messageKey).toBe("sso.errors.badIssuer");
    expect(issuerProblem("https://login.example.com/?tenant=1")?.messageKey).toBe("sso.errors.badIssuer");
    expect(isLoopbackHttp("http://127.0.0.1:3190")).toBe(true);
    expect(isLoopbackHttp("https://127.0.0.1:3190")).toBe(false);
  });

  const base = {
    email: "lin@orbit.example",
    emailVerified: true,
    providerDomains: ["orbit.example"],
    providerOrganizationId: 2,
    user: null,
  };

  it("a verified address of the provider's domain without an account is let in (to be created just in time)", () => {
    expect(ssoSignInRefusal(base)).toBeNull();
  });

  it("an unverified or missing email, or one outside the provider's domains, is refused", () => {
    expect(ssoSignInRefusal({ ...base, emailVerified: false })).toBe("sso_email");
    expect(ssoSignInRefusal({ ...base, email: null })).toBe("sso_email");
    expect(ssoSignInRefusal({ ...base, email: "lin@nimbus.example" })).toBe("sso_domain");
  });

  it("an existing user must be an active customer of the provider's organization; staff never", () => {
    const customer = { role: "customer", organizationId: 2, active: true };
    expect(ssoSignInRefusal({ ...base, user: customer })).toBeNull();
    expect(ssoSignInRefusal({ ...base, user: { ...customer, active: false } })).toBe("sso_deactivated");
    expect(ssoSignInRefusal({ ...base, user: { ...customer, organizationId: 1 } })).toBe("sso_domain");
    expect(ssoSignInRefusal({ ...base, user: { role: "admin", organizationId: null, active: true } })).toBe(
      "sso_staff",
    );
  });
});
