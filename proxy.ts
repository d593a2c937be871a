import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";

/** Paths a visitor may open without signing in. */
const PUBLIC = [/^\/signin(\/|$)/, /^\/kb(\/|$)/, /^\/api\//, /^\/_next\//, /^\/favicon/, /\.(png|svg|ico|woff2?)$/];

/** Sends visitors without a session to the sign-in page, remembering where they were going. */
export async function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  if (PUBLIC.some((re) => re.test(pathname))) return NextResponse.next();
  const token = await getToken({ req });
  if (token) return NextResponse.next();
  const url = req.nextUrl.clone();
  url.pathname = "/signin";
  url.search = `?callbackUrl=${encodeURIComponent(pathname + search)}`;
  return NextResponse.redirect(url);
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
