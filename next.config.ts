import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { MAX_BODY_BYTES } from "./server/api/request-limits";

const withNextIntl = createNextIntlPlugin("./server/i18n/request.ts");

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  // The Content-Security-Policy needs a fresh nonce per page, so proxy.ts sets it (server/security/csp.ts).
];

const nextConfig: NextConfig = {
  // A separate build directory lets several builds of one checkout coexist (parallel work, the bench copy).
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  serverExternalPackages: ["better-sqlite3", "libpq", "smtp-server", "mailparser", "imapflow"],
  poweredByHeader: false,
  // use-intl's message formatter, with compiled messages kept for the process (issue 25).
  turbopack: { resolveAlias: { "use-intl/format-message": "./components/i18n/format-message.ts" } },
  typedRoutes: false,
  // npm test type-checks the whole project (test files included) before it builds; the build's own
  // check of the same files would repeat it (scripts/test.mjs sets this only after its check passed).
  typescript: { ignoreBuildErrors: process.env.ATTAIN_TYPECHECKED === "1" },
  experimental: {
    // forbidden() and app/(portal)/forbidden.tsx: a refused page answers 403 (components/ui/refused.tsx).
    authInterrupts: true,
    // proxy.ts makes Next.js buffer the bodies it sees in memory (10 MB each by default). The tRPC
    // endpoint, whose bodies are the large ones, is outside its matcher; nothing else needs more.
    proxyClientMaxBodySize: MAX_BODY_BYTES,
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default withNextIntl(nextConfig);
