import net from "node:net";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, identityProviders, invitations, organizations, sessions, users } from "@/db/schema";
import { authenticate, SsoRequiredError } from "@/server/auth/options";
import { hashPassword } from "@/server/auth/password";
import { resolveSession, startSession } from "@/server/auth/sessions";
import type { Db } from "@/server/db";
import { TEST_ANCHOR } from "@/server/testing/constants";
import { callerFor, createTestDb, invitationToken } from "@/server/testing/db";
import { createOrganization, createStaff } from "@/server/testing/factories";
import type { SessionUser } from "@/server/auth/session";
import { startOidcProvider, type TestOidcProvider } from "@/server/testing/oidc-provider";
import { SsoError, type StaffProvider } from "./sso";
import { ssoForEmail } from "./sso-lookup";
import { beginSsoSignIn, completeSsoSignIn, type SsoPending } from "./sso-service";

const REDIRECT_URI = "http://127.0.0.1:3999/api/sso/callback";
const PASSWORD = "idp-password-123";

let idp: TestOidcProvider;
let db: Db;
/** The administrator who binds providers (made by the factories, not the demo's). */
let adminUser: SessionUser;

beforeAll(async () => {
  idp = await startOidcProvider({
    redirectUris: [REDIRECT_URI],
    accounts: [
      { email: "alice@sso-test.example", password: PASSWORD, name: "Alice Example" },
      { email: "mallory@elsewhere.example", password: PASSWORD, name: "Mallory" },
      { email: "unverified@sso-test.example", password: PASSWORD, name: "Unverified", emailVerified: false },
    ],
  });
  db = createTestDb();
  adminUser = createStaff(db, "admin");
});
afterAll(async () => {
  await idp?.close();
  db?.$client.close();
});

/** Binds a fresh organization to the test provider for `domains` (through the admin procedure). */
async function boundOrganization(domains: string[], secret = idp.clientSecret, ssoRequired = false) {
  const org = createOrganization(db, { tier: "advanced", region: "americas", customers: 0 });
  await callerFor(db, adminUser).sso.save({
    organizationId: org.id,
    issuer: idp.issuer,
    clientId: idp.clientId,
    clientSecret: secret,
    emailDomains: domains,
    ssoRequired,
  });
  return org;
}

/**
 * Plays the browser at the provider: follows the authorization URL, fills in the login form and
 * follows redirects (keeping the provider's cookies) until it is sent to our redirect URI.
 */
async function loginAtProvider(
  authorizationUrl: URL,
  email: string,
  password = PASSWORD,
  action: "login" | "abort" = "login",
): Promise<URL> {
  const jar = new Map<string, string>();
  const remember = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [name, ...value] = pair!.split("=");
      jar.set(name!.trim(), value.join("="));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  let url = authorizationUrl.href;
  let body: URLSearchParams | undefined;
  for (let hop = 0; hop < 15; hop++) {
    if (url.startsWith(REDIRECT_URI)) return new URL(url);
    const res = await fetch(url, {
      method: body ? "POST" : "GET",
      body,
      headers: { cookie: cookie(), ...(body ? { "content-type": "application/x-www-form-urlencoded" } : {}) },
      redirect: "manual",
    });
    remember(res);
    body = undefined;
    if (res.status >= 300 && res.status < 400) {
      url = new URL(res.headers.get("location")!, url).href;
      continue;
    }
    const html = await res.text();
    const target = new RegExp(`<form method="post" action="([^"]+/${action})"`).exec(html)?.[1];
    if (!target) throw new Error(`unexpected page at ${url}: ${res.status} ${html.slice(0, 200)}`);
    url = new URL(target, url).href;
    body = new URLSearchParams({ email, password });
  }
  throw new Error("too many redirects at the provider");
}

async function signInThrough(email: string, tamper?: (p: SsoPending) => SsoPending) {
  const { url, pending } = await beginSsoSignIn(db, { email, redirectUri: REDIRECT_URI, callbackUrl: "/tickets" });
  const back = await loginAtProvider(url, email);
  return completeSsoSignIn(db, {
    pending: tamper ? tamper(pending) : pending,
    currentUrl: back,
    now: TEST_ANCHOR,
    ip: "203.0.113.9",
    userAgent: "vitest",
  });
}

const userByEmail = (email: string) =>
  db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email))
    .get();
const lastAudit = (action: string) =>
  db
    .select()
    .from(auditLog)
    .where(eq(auditLog.action, action))
    .orderBy(sql`${auditLog.id} desc`)
    .get();

async function expectSsoError(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SsoError);
  expect((error as SsoError).code).toBe(code);
}

describe("[IDENTITY] single sign-on against a real OpenID Connect provider", () => {
  it("a new address of the bound domain signs in and becomes a customer of that organization, just in time", async () => {
    const org = await boundOrganization(["sso-test.example"]);
    const { user, sessionId, created } = await signInThrough("alice@sso-test.example");
    expect(created).toBe(true);
    expect(user).toMatchObject({ role: "customer", organizationId: org.id, name: "Alice Example" });
    const row = userByEmail("alice@sso-test.example")!;
    expect(row.organizationId).toBe(org.id);
    expect(row.passwordHash.startsWith("scrypt$")).toBe(true);
    const session = db.select().from(sessions).where(eq(sessions.id, sessionId)).get()!;
    expect(session).toMatchObject({ userId: row.id, method: "sso", ip: "203.0.113.9", userAgent: "vitest" });
    expect(lastAudit("user_jit_created")?.entityId).toBe(String(row.id));
    expect(lastAudit("sign_in")?.detail).toMatchObject({ method: "sso" });

    // The second time the same user signs in; nobody new is created.
    const again = await signInThrough("alice@sso-test.example");
    expect(again.created).toBe(false);
    expect(again.user.id).toBe(row.id);
  });

  it("an invited address that signs in by single sign-on first spends its invitation: the administrator flag applies, no link stays open", async () => {
    const org = await boundOrganization(["invited-sso.example"]);
    const elsewhere = createOrganization(db, { tier: "basic", region: "china", customers: 0 });
    const email = "ivy@invited-sso.example";
    idp.addAccount({ email, password: PASSWORD, name: "Ivy Invited" });
    const asAdmin = callerFor(db, adminUser);
    const invite = (organizationId: number, address: string) =>
      asAdmin.people.invite({
        email: address,
        name: "Ivy",
        role: "customer",
        organizationId,
        orgAdmin: true,
        locale: "en",
      });
    const own = await invite(org.id, email);
    // Another address of the domain was invited into a different organization: it can never accept now.
    const nedEmail = "ned@invited-sso.example";
    idp.addAccount({ email: nedEmail, password: PASSWORD, name: "Ned" });
    const ned = await invite(elsewhere.id, nedEmail);

    const { user, created } = await signInThrough(email);
    expect(created).toBe(true);
    expect(user).toMatchObject({ organizationId: org.id, orgAdmin: true });
    expect(userByEmail(email)).toMatchObject({ orgAdmin: true });
    const row = (id: number) => db.select().from(invitations).where(eq(invitations.id, id)).get()!;
    expect(row(own.id)).toMatchObject({ acceptedUserId: user.id });
    expect(row(own.id).acceptedAt).not.toBeNull();
    expect(lastAudit("user_jit_created")?.detail).toMatchObject({ invitationId: own.id });
    // Admins see no open invitation for the address any more.
    const listed = await asAdmin.people.list({ organizationId: org.id, page: 1, pageSize: 50 });
    expect(listed.invitations.map((i) => i.email)).not.toContain(email);

    const second = await signInThrough(nedEmail);
    expect(second.user).toMatchObject({ organizationId: org.id, orgAdmin: false });
    expect(row(ned.id).revokedAt).not.toBeNull();
    expect(row(ned.id).acceptedAt).toBeNull();
  });

  it("an address the provider vouches for outside the organization's domains is refused and nobody is created", async () => {
    // The browser asked for alice's domain; at the provider, mallory (another domain) logs in.
    const { url, pending } = await beginSsoSignIn(db, {
      email: "alice@sso-test.example",
      redirectUri: REDIRECT_URI,
      callbackUrl: "/",
    });
    const back = await loginAtProvider(url, "mallory@elsewhere.example");
    await expectSsoError(
      completeSsoSignIn(db, { pending, currentUrl: back, now: TEST_ANCHOR, ip: null, userAgent: null }),
      "sso_domain",
    );
    expect(userByEmail("mallory@elsewhere.example")).toBeUndefined();
    expect(lastAudit("sign_in_failed")?.detail).toMatchObject({ method: "sso", reason: "sso_domain" });
  });

  it("a person who cancels at the provider comes back refused, and nobody is signed in", async () => {
    const before = db.select().from(sessions).all().length;
    const { url, pending } = await beginSsoSignIn(db, {
      email: "alice@sso-test.example",
      redirectUri: REDIRECT_URI,
      callbackUrl: "/",
    });
    const back = await loginAtProvider(url, "alice@sso-test.example", PASSWORD, "abort");
    expect(back.searchParams.get("error")).toBe("access_denied");
    await expectSsoError(
      completeSsoSignIn(db, { pending, currentUrl: back, now: TEST_ANCHOR, ip: null, userAgent: null }),
      "sso_denied",
    );
    expect(db.select().from(sessions).all().length).toBe(before);
  });

  it("an unverified email is refused", async () => {
    await expectSsoError(signInThrough("unverified@sso-test.example"), "sso_email");
    expect(userByEmail("unverified@sso-test.example")).toBeUndefined();
  });

  it("a state that does not match what the browser kept is refused", async () => {
    const before = db.select().from(sessions).all().length;
    await expectSsoError(
      signInThrough("alice@sso-test.example", (p) => ({ ...p, state: `${p.state}x` })),
      "sso_state",
    );
    expect(db.select().from(sessions).all().length).toBe(before);
  });

  it("a deactivated user is refused", async () => {
    const alice = userByEmail("alice@sso-test.example")!;
    db.update(users).set({ active: false, deactivatedAt: TEST_ANCHOR }).where(eq(users.id, alice.id)).run();
    try {
      await expectSsoError(signInThrough("alice@sso-test.example"), "sso_deactivated");
    } finally {
      db.update(users).set({ active: true, deactivatedAt: null }).where(eq(users.id, alice.id)).run();
    }
  });

  it("a wrong client secret is refused at the token exchange, with its own error, and nobody is created", async () => {
    idp.addAccount({ email: "bob@wrong-secret.example", password: PASSWORD, name: "Bob" });
    await boundOrganization(["wrong-secret.example"], "not-the-secret");
    await expectSsoError(signInThrough("bob@wrong-secret.example"), "sso_client");
    expect(userByEmail("bob@wrong-secret.example")).toBeUndefined();
  });

  it("a staff member is never signed in by a customer's provider", async () => {
    idp.addAccount({ email: "agent@attain.test", password: PASSWORD, name: "Agent" });
    const org = createOrganization(db, { tier: "advanced", region: "americas", customers: 0 });
    db.insert(identityProviders)
      .values({
        organizationId: org.id,
        issuer: idp.issuer,
        clientId: idp.clientId,
        clientSecret: idp.clientSecret,
        emailDomains: ["attain.test"],
        createdAt: TEST_ANCHOR,
        updatedAt: TEST_ANCHOR,
      })
      .run();
    await expectSsoError(signInThrough("agent@attain.test"), "sso_staff");
    expect(userByEmail("agent@attain.test")!.role).toBe("agent");
  });

  it("an address whose domain no provider claims is told so before leaving", async () => {
    await expectSsoError(
      beginSsoSignIn(db, { email: "someone@nobody.example", redirectUri: REDIRECT_URI, callbackUrl: "/" }),
      "sso_no_provider",
    );
  });
});

describe("[IDENTITY] an unreachable provider fails quickly", () => {
  it("a refused connection is reported as unreachable at once", async () => {
    const org = createOrganization(db, { tier: "advanced", region: "americas", customers: 0 });
    db.insert(identityProviders)
      .values({
        organizationId: org.id,
        issuer: "http://127.0.0.1:9",
        clientId: "x",
        clientSecret: "y",
        emailDomains: ["closed-port.example"],
        createdAt: TEST_ANCHOR,
        updatedAt: TEST_ANCHOR,
      })
      .run();
    const started = performance.now();
    await expectSsoError(
      beginSsoSignIn(db, { email: "a@closed-port.example", redirectUri: REDIRECT_URI, callbackUrl: "/" }),
      "sso_unreachable",
    );
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("a provider that accepts the connection and never answers is given up after 5 seconds", async () => {
    const silent = net.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const port = (silent.address() as net.AddressInfo).port;
    try {
      const org = createOrganization(db, { tier: "advanced", region: "americas", customers: 0 });
      const result = await callerFor(db, adminUser).sso.testConnection({
        organizationId: org.id,
        issuer: `http://127.0.0.1:${port}`,
        clientId: "x",
        clientSecret: "y",
      });
      expect(result.result).toBe("unreachable");
      expect(result.elapsedMs).toBeGreaterThanOrEqual(4900);
      expect(result.elapsedMs).toBeLessThan(6500);
    } finally {
      silent.close();
    }
  }, 15_000);
});

describe("[IDENTITY] an administrator binds an organization to its provider", () => {
  it("test connection tells a reachable provider with the right client from a wrong secret and a closed port", async () => {
    const org = createOrganization(db, { tier: "advanced", region: "americas", customers: 0 });
    const admin = callerFor(db, adminUser);
    const base = { organizationId: org.id, issuer: idp.issuer, clientId: idp.clientId };
    expect((await admin.sso.testConnection({ ...base, clientSecret: idp.clientSecret })).result).toBe("ok");
    expect((await admin.sso.testConnection({ ...base, clientSecret: "wrong" })).result).toBe("clientRefused");
    expect((await admin.sso.testConnection({ ...base, clientId: "nobody", clientSecret: "x" })).result).toBe(
      "clientRefused",
    );
  });

  it("the secret is never returned, a blank one keeps the saved secret, and the audit log never holds it", async () => {
    const org = await boundOrganization(["keep-secret.example"], "first-secret-value");
    const admin = callerFor(db, adminUser);
    const view = await admin.sso.provider({ organizationId: org.id });
    expect(view.provider).toMatchObject({ hasSecret: true, emailDomains: ["keep-secret.example"] });
    expect(JSON.stringify(view)).not.toContain("first-secret-value");
    await admin.sso.save({
      organizationId: org.id,
      issuer: idp.issuer,
      clientId: "another-client",
      clientSecret: "",
      emailDomains: [" Keep-Secret.example ", "second.example"],
      ssoRequired: true,
    });
    const row = db.select().from(identityProviders).where(eq(identityProviders.organizationId, org.id)).get()!;
    expect(row).toMatchObject({
      clientSecret: "first-secret-value",
      clientId: "another-client",
      emailDomains: ["keep-secret.example", "second.example"],
    });
    expect(db.select().from(organizations).where(eq(organizations.id, org.id)).get()!.ssoRequired).toBe(true);
    const audits = db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(org.id)))
      .all();
    expect(audits.some((a) => a.action === "sso.provider_saved")).toBe(true);
    expect(JSON.stringify(audits)).not.toContain("first-secret-value");
    const saved = lastAudit("sso.provider_saved")!.detail as { before: unknown; after: unknown };
    expect(saved.before).toMatchObject({ clientId: idp.clientId, ssoRequired: false });
    expect(saved.after).toMatchObject({ clientId: "another-client", ssoRequired: true });

    await admin.sso.remove({ organizationId: org.id });
    expect(db.select().from(identityProviders).where(eq(identityProviders.organizationId, org.id)).get()).toBe(
      undefined,
    );
    expect(db.select().from(organizations).where(eq(organizations.id, org.id)).get()!.ssoRequired).toBe(false);
  });

  it("an insecure issuer, a malformed domain and a domain bound elsewhere are refused and nothing is saved", async () => {
    const org = createOrganization(db, { tier: "advanced", region: "americas", customers: 0 });
    const admin = callerFor(db, adminUser);
    const base = {
      organizationId: org.id,
      issuer: "https://login.example.com",
      clientId: "c",
      clientSecret: "s",
      emailDomains: ["fresh.example"],
      ssoRequired: false,
    };
    await expect(admin.sso.save({ ...base, issuer: "http://login.example.com" })).rejects.toMatchObject({
      cause: { messageKey: "sso.errors.insecureIssuer" },
    });
    await expect(admin.sso.save({ ...base, emailDomains: ["@fresh.example"] })).rejects.toMatchObject({
      cause: { messageKey: "sso.errors.badDomain" },
    });
    await expect(admin.sso.save({ ...base, emailDomains: ["sso-test.example"] })).rejects.toMatchObject({
      cause: { messageKey: "sso.errors.domainTaken" },
    });
    await expect(admin.sso.save({ ...base, clientSecret: "" })).rejects.toMatchObject({
      cause: { messageKey: "sso.errors.secretRequired" },
    });
    expect(db.select().from(identityProviders).where(eq(identityProviders.organizationId, org.id)).get()).toBe(
      undefined,
    );
  });
});

describe("[IDENTITY] an organization that requires single sign-on refuses passwords", () => {
  it("its customer is told to use single sign-on, whether or not the password was right", async () => {
    await boundOrganization(["required.example"], idp.clientSecret, true);
    const org = db
      .select()
      .from(identityProviders)
      .where(sql`email_domains like '%required.example%'`)
      .get()!;
    db.insert(users)
      .values({
        email: "carol@required.example",
        name: "Carol",
        passwordHash: await hashPassword("carol-password-1"),
        role: "customer",
        organizationId: org.organizationId,
        createdAt: TEST_ANCHOR,
      })
      .run();
    for (const password of ["carol-password-1", "wrong-password"]) {
      await expect(
        authenticate({ email: "carol@required.example", password }, { db, now: TEST_ANCHOR }),
      ).rejects.toBeInstanceOf(SsoRequiredError);
    }
    expect(lastAudit("sign_in_failed")?.detail).toMatchObject({ reason: "sso_required" });
  });
});

describe("[IDENTITY] requiring single sign-on ends the sessions begun with a password", () => {
  it("a customer signed in with a password is signed out at once; a session begun by single sign-on stays", async () => {
    const org = await boundOrganization(["switch.example"]);
    const other = createOrganization(db, { tier: "basic", region: "china", customers: 0 });
    const customer = (email: string, organizationId: number) =>
      db
        .insert(users)
        .values({ email, name: email, passwordHash: "x", role: "customer", organizationId, createdAt: TEST_ANCHOR })
        .returning()
        .get();
    const dave = customer("dave@switch.example", org.id);
    const erin = customer("erin@switch.example", org.id);
    const outsider = customer("olga@outside.example", other.id);
    const password = startSession(db, dave.id, TEST_ANCHOR, { method: "password" });
    const sso = startSession(db, erin.id, TEST_ANCHOR, { method: "sso" });
    const elsewhere = startSession(db, outsider.id, TEST_ANCHOR, { method: "password" });
    const claim = (id: string, u: typeof dave) => ({
      sessionId: id,
      userId: u.id,
      role: u.role,
      organizationId: u.organizationId,
    });
    const save = (ssoRequired: boolean) =>
      callerFor(db, adminUser).sso.save({
        organizationId: org.id,
        issuer: idp.issuer,
        clientId: idp.clientId,
        clientSecret: "",
        emailDomains: ["switch.example"],
        ssoRequired,
      });

    await save(true);
    const later = new Date(TEST_ANCHOR.getTime() + 1000);
    expect(resolveSession(db, claim(password.id, dave), later)).toBeNull();
    expect(resolveSession(db, claim(sso.id, erin), later)).toMatchObject({ id: erin.id });
    expect(resolveSession(db, claim(elsewhere.id, outsider), later)).toMatchObject({ id: outsider.id });
    expect(lastAudit("sso.provider_saved")?.detail).toMatchObject({ passwordSessionsEnded: 1 });

    // Saving again while it is required ends nothing more.
    const again = startSession(db, dave.id, TEST_ANCHOR, { method: "password" });
    await save(true);
    expect(resolveSession(db, claim(again.id, dave), later)).toMatchObject({ id: dave.id });
  });
});

describe("[IDENTITY] an invitation into an organization that signs in through its provider", () => {
  it("offers single sign-on beside the password, and instead of it when required: no password account is made", async () => {
    const offered = await boundOrganization(["offer.example"]);
    const required = await boundOrganization(["only-sso.example"], idp.clientSecret, true);
    const asAdmin = callerFor(db, adminUser);
    const anonymous = callerFor(db, null);
    const tokenFor = async (email: string, organizationId: number) => {
      await asAdmin.people.invite({
        email,
        name: "Pat",
        role: "customer",
        organizationId,
        orgAdmin: false,
        locale: "en",
      });
      return invitationToken(db, email);
    };
    const plain = createOrganization(db, { tier: "basic", region: "china", customers: 0 });
    const offeredToken = await tokenFor("pat@offer.example", offered.id);
    const requiredToken = await tokenFor("pat@only-sso.example", required.id);
    // The address's domain belongs to another organization's provider: not this invitation's business.
    const plainToken = await tokenFor("pia@offer.example", plain.id);
    expect(await anonymous.installation.invitation({ token: offeredToken })).toMatchObject({ sso: "offered" });
    expect(await anonymous.installation.invitation({ token: requiredToken })).toMatchObject({ sso: "required" });
    expect(await anonymous.installation.invitation({ token: plainToken })).toMatchObject({ sso: null });

    const accept = (token: string) =>
      anonymous.installation.acceptInvitation({
        token,
        name: "Pat",
        password: "a long and unusual passphrase",
        locale: "en",
        timeZone: "UTC",
      });
    await expect(accept(requiredToken)).rejects.toMatchObject({ cause: { messageKey: "sso.signin.required" } });
    expect(userByEmail("pat@only-sso.example")).toBeUndefined();
    expect(await anonymous.installation.invitation({ token: requiredToken })).toMatchObject({ state: "pending" });
    await accept(offeredToken);
    expect(userByEmail("pat@offer.example")).toMatchObject({ organizationId: offered.id });
  });
});

describe("[IDENTITY] staff sign in through the installation's staff provider (STAFF_OIDC_*)", () => {
  const staff = (): StaffProvider => ({
    issuer: idp.issuer,
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
    emailDomains: ["attain.test", "nimbus.example"],
  });
  async function staffSignIn(email: string) {
    const { url, pending } = await beginSsoSignIn(db, { email, redirectUri: REDIRECT_URI, callbackUrl: "/" }, staff());
    expect(pending.staff).toBe(true);
    const back = await loginAtProvider(url, email);
    return completeSsoSignIn(db, { pending, currentUrl: back, now: TEST_ANCHOR, ip: null, userAgent: null }, staff());
  }

  beforeAll(() => {
    // An organization's provider claiming attain.test (an earlier test) would come first; drop it.
    db.delete(identityProviders)
      .where(sql`email_domains like '%"attain.test"%'`)
      .run();
    for (const email of ["manager@attain.test", "new.person@attain.test", "dev@nimbus.example"]) {
      idp.addAccount({ email, password: PASSWORD, name: email });
    }
  });

  it("an existing staff member signs in with their own role, and the sign-in form offers single sign-on for their domain", async () => {
    expect(ssoForEmail(db, "manager@attain.test", staff())).toEqual({ sso: true, required: false });
    expect(ssoForEmail(db, "manager@attain.test", null)).toEqual({ sso: false, required: false });
    const { user, created } = await staffSignIn("manager@attain.test");
    expect(created).toBe(false);
    expect(user).toMatchObject({ email: "manager@attain.test", role: "manager", organizationId: null });
  });

  it("nobody is created by the staff provider: an unknown address is refused", async () => {
    await expectSsoError(staffSignIn("new.person@attain.test"), "sso_no_account");
    expect(userByEmail("new.person@attain.test")).toBeUndefined();
  });

  it("a customer is never signed in by the staff provider", async () => {
    await expectSsoError(staffSignIn("dev@nimbus.example"), "sso_not_staff");
  });
});
