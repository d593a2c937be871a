/**
 * Runs in the browser before the application's code (Next.js instrumentation-client). zod must not
 * probe `new Function` for its fast path there: the Content-Security-Policy forbids eval, and the
 * probe, although caught, is still reported as a violation (docs/decisions/008-content-security-policy-with-nonce.md). It is cached at
 * the first object schema, so it has to be switched off before any schema is built.
 */
import { z } from "zod";

z.config({ jitless: true });
