/**
 * The Content-Security-Policy of every page. Scripts run only with the per-request nonce that
 * Next.js stamps on its own bootstrap and chunk scripts ('strict-dynamic' lets those load the
 * rest), so injected markup can never run script even if sanitizing failed. Styles allow
 * 'unsafe-inline' because React and Recharts set style attributes, which a nonce cannot cover;
 * CSS cannot run script. See docs/decisions/008-content-security-policy-with-nonce.md.
 */
export function contentSecurityPolicy(opts: { nonce: string; dev: boolean }): string {
  const script = ["'self'", `'nonce-${opts.nonce}'`, "'strict-dynamic'", ...(opts.dev ? ["'unsafe-eval'"] : [])];
  const directives: [string, string[]][] = [
    ["default-src", ["'self'"]],
    ["script-src", script],
    ["style-src", ["'self'", "'unsafe-inline'"]],
    ["img-src", ["'self'", "data:", "blob:"]],
    ["font-src", ["'self'"]],
    ["connect-src", ["'self'", ...(opts.dev ? ["ws:"] : [])]],
    ["frame-ancestors", ["'none'"]],
    ["frame-src", ["'none'"]],
    ["object-src", ["'none'"]],
    ["base-uri", ["'self'"]],
    ["form-action", ["'self'"]],
  ];
  return directives.map(([name, values]) => `${name} ${values.join(" ")}`).join("; ");
}

/** A fresh, unguessable nonce (128 random bits, base64). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
