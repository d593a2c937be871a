import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { safeCallbackPath } from "@/server/auth/callback-url";
import { getDb } from "@/server/db";
import { SsoError } from "@/server/identity/sso";
import { PENDING_COOKIE, PENDING_COOKIE_OPTIONS, sealPending } from "@/server/identity/sso-cookies";
import { redirectUri, requester, toSignInWithError } from "@/server/identity/sso-http";
import { beginSsoSignIn, recordSsoFailure } from "@/server/identity/sso-service";

export const dynamic = "force-dynamic";

const ZStart = z.object({
  email: z.string().trim().toLowerCase().email().max(320).optional(),
  organization: z.string().trim().min(1).max(100).optional(),
});

/**
 * Starts single sign-on for an email address (its domain names the provider) or an organization
 * (id or slug): discovers the provider, keeps PKCE verifier, state and nonce in a sealed cookie
 * and sends the browser to the provider. Any failure lands on the sign-in page with its code.
 */
async function start(req: NextRequest, fields: { email?: unknown; organization?: unknown; callbackUrl?: unknown }) {
  const callbackUrl = safeCallbackPath(fields.callbackUrl);
  const parsed = ZStart.safeParse({
    email: typeof fields.email === "string" && fields.email ? fields.email : undefined,
    organization: typeof fields.organization === "string" && fields.organization ? fields.organization : undefined,
  });
  if (!parsed.success || (!parsed.data.email && !parsed.data.organization)) {
    return toSignInWithError(req.url, "sso_no_provider", callbackUrl);
  }
  const db = getDb();
  try {
    const { url, pending } = await beginSsoSignIn(db, {
      ...parsed.data,
      redirectUri: redirectUri(req.url),
      callbackUrl,
    });
    const res = NextResponse.redirect(url, 303);
    res.cookies.set(PENDING_COOKIE, await sealPending(pending), PENDING_COOKIE_OPTIONS);
    return res;
  } catch (error) {
    const code = error instanceof SsoError ? error.code : "sso_failed";
    recordSsoFailure(db, code, {
      now: new Date(),
      ip: requester(req.headers).ip,
      email: parsed.data.email ?? null,
      detail: error instanceof Error ? error.message.slice(0, 300) : undefined,
    });
    return toSignInWithError(req.url, code, callbackUrl);
  }
}

export async function GET(req: NextRequest) {
  const q = req.nextUrl.searchParams;
  return start(req, { email: q.get("email"), organization: q.get("organization"), callbackUrl: q.get("callbackUrl") });
}

export async function POST(req: NextRequest) {
  const form = await req.formData().catch(() => null);
  return start(req, {
    email: form?.get("email"),
    organization: form?.get("organization"),
    callbackUrl: form?.get("callbackUrl"),
  });
}
