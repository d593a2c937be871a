import { generateKeyPairSync } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A real OpenID Connect provider for tests (oidc-provider, the certified implementation that
 * openid-client is tested against), on 127.0.0.1: one confidential client, an in-memory account
 * store keyed by email, and a plain login form a browser can fill in ("Email", "Password",
 * "Sign in at Test IdP"). Consent is implied for the one client, as a company's own IdP does for
 * its first-party applications. Used by the integration tests and e2e/sso.spec.ts.
 */

export type TestAccount = { email: string; password: string; name: string; emailVerified?: boolean };

export type TestOidcProvider = {
  issuer: string;
  port: number;
  clientId: string;
  clientSecret: string;
  /** Add or replace an account (keyed by lower-case email). */
  addAccount(account: TestAccount): void;
  close(): Promise<void>;
};

type Interaction = {
  uid: string;
  prompt: { name: string };
  params: Record<string, unknown>;
};

type ProviderInstance = {
  callback(): (req: http.IncomingMessage, res: http.ServerResponse) => void;
  interactionDetails(req: http.IncomingMessage, res: http.ServerResponse): Promise<Interaction>;
  interactionFinished(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    result: Record<string, unknown>,
    opts?: { mergeWithLastSubmission?: boolean },
  ): Promise<void>;
  Grant: unknown;
};

type ProviderModule = { default: new (issuer: string, config: Record<string, unknown>) => ProviderInstance };

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function loginPage(uid: string, error: string | null, hint: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test IdP sign-in</title></head>
<body><main><h1>Test IdP</h1>
${error ? `<p role="alert">${escape(error)}</p>` : ""}
<form method="post" action="/interaction/${escape(uid)}/login">
<label for="email">Email</label> <input id="email" name="email" type="email" value="${escape(hint)}" required>
<label for="password">Password</label> <input id="password" name="password" type="password" required>
<button type="submit">Sign in at Test IdP</button>
</form>
<form method="post" action="/interaction/${escape(uid)}/abort"><button type="submit">Cancel</button></form>
</main></body></html>`;
}

async function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

/**
 * Starts the provider on 127.0.0.1 (a random port unless one is given) with one client whose
 * redirect URIs are given; resolves once it is listening.
 */
export async function startOidcProvider(opts: {
  redirectUris: string[];
  port?: number;
  clientId?: string;
  clientSecret?: string;
  accounts?: TestAccount[];
}): Promise<TestOidcProvider> {
  const { default: Provider } = (await import("oidc-provider")) as ProviderModule;
  const clientId = opts.clientId ?? "attain-test";
  const clientSecret = opts.clientSecret ?? "attain-test-secret-0123456789";
  const accounts = new Map<string, TestAccount>();
  const addAccount = (a: TestAccount) => accounts.set(a.email.toLowerCase(), a);
  for (const a of opts.accounts ?? []) addAccount(a);

  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const issuer = `http://127.0.0.1:${port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: opts.redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    jwks: {
      keys: [
        {
          ...generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" }),
          kid: "test",
          use: "sig",
          alg: "RS256",
        },
      ],
    },
    cookies: { keys: ["attain-test-idp-cookie-key-0123456789"] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    // The ID token carries the claims too (as most company IdPs do); the service reads userinfo otherwise.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx: unknown, id: string) {
      const account = accounts.get(id);
      if (!account) return undefined;
      return {
        accountId: id,
        async claims() {
          return {
            sub: id,
            email: account.email,
            email_verified: account.emailVerified ?? true,
            name: account.name,
          };
        },
      };
    },
    async loadExistingGrant(ctx: {
      oidc: {
        client?: { clientId: string };
        session?: { accountId?: string; grantIdFor(clientId: string): string | undefined };
        result?: { consent?: { grantId?: string } };
        provider: ProviderInstance;
      };
    }) {
      const { client, session } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      const Grant = ctx.oidc.provider.Grant as unknown as {
        find(id: string): Promise<unknown>;
        new (o: { accountId: string; clientId: string }): { addOIDCScope(s: string): void; save(): Promise<string> };
      };
      if (grantId) {
        const found = await Grant.find(grantId);
        if (found) return found;
      }
      const grant = new Grant({ accountId: session.accountId, clientId: client.clientId });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
  });
  const callback = provider.callback();

  server.on("request", (req, res) => {
    const url = new URL(req.url ?? "/", issuer);
    const match = /^\/interaction\/([\w-]+)(?:\/(login|abort))?$/.exec(url.pathname);
    if (!match) return callback(req, res);
    void (async () => {
      try {
        const details = await provider.interactionDetails(req, res);
        const hint = typeof details.params.login_hint === "string" ? details.params.login_hint : "";
        if (req.method === "GET" && !match[2]) {
          res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
          res.end(loginPage(details.uid, null, hint));
          return;
        }
        if (req.method === "POST" && match[2] === "abort") {
          await provider.interactionFinished(req, res, { error: "access_denied" }, { mergeWithLastSubmission: false });
          return;
        }
        if (req.method === "POST" && match[2] === "login") {
          const form = await readForm(req);
          const email = (form.get("email") ?? "").trim().toLowerCase();
          const account = accounts.get(email);
          if (!account || account.password !== form.get("password")) {
            res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
            res.end(loginPage(details.uid, "Wrong email or password.", email));
            return;
          }
          await provider.interactionFinished(
            req,
            res,
            { login: { accountId: email } },
            { mergeWithLastSubmission: false },
          );
          return;
        }
        res.writeHead(405).end();
      } catch (error) {
        res.writeHead(400, { "content-type": "text/plain" });
        res.end(`interaction failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    })();
  });

  return {
    issuer,
    port,
    clientId,
    clientSecret,
    addAccount,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
