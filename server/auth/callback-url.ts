/**
 * Where to go after signing in: only a path on this portal. A callback such as `/\evil.example`
 * or `/<tab>/evil.example` looks like a path but a browser reads it as `//evil.example`, another
 * site; so the value is resolved with the same URL parser browsers use and must stay on our origin,
 * and its path, decoded once more, must not start like a network path either (a server that
 * decodes before redirecting would otherwise make `/%5Cevil.example` one). Anything else: "/".
 * Pure, and safe to import from client components.
 */
const HERE = "http://attain.invalid";
const FALLBACK = "/";
// Backslash, C0 controls, DEL, and the C1/line-separator characters some parsers drop or treat as breaks.
const UNSAFE = /[\\\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

function decodedOnce(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

/** A same-origin path (with its query and fragment) to send the user to, or "/". */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return FALLBACK;
  if (!value.startsWith("/") || UNSAFE.test(value)) return FALLBACK;
  let url: URL;
  try {
    url = new URL(value, HERE);
  } catch {
    return FALLBACK;
  }
  if (url.origin !== HERE) return FALLBACK;
  const path = decodedOnce(url.pathname);
  if (path === null || path.startsWith("//") || UNSAFE.test(path)) return FALLBACK;
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * next-auth's redirect callback: a path, or an absolute URL on the portal's own origin, is kept
 * (as `safeCallbackPath` allows it); anything else goes to the portal's home page.
 */
export function safeRedirectUrl(url: string, baseUrl: string): string {
  const base = new URL(baseUrl);
  let path = url;
  if (!url.startsWith("/")) {
    try {
      const absolute = new URL(url);
      if (absolute.origin !== base.origin) return `${base.origin}${FALLBACK}`;
      path = `${absolute.pathname}${absolute.search}${absolute.hash}`;
    } catch {
      return `${base.origin}${FALLBACK}`;
    }
  }
  return `${base.origin}${safeCallbackPath(path)}`;
}
