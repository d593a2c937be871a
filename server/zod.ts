/**
 * zod for the modules that also run in the browser (forms validate with the server's own schemas).
 * There zod must not probe `new Function` for its fast path: the Content-Security-Policy forbids
 * eval, and the probe, although caught, is still reported as a violation (decision 008). zod caches
 * the probe at the first object schema, so this module switches it off before any is built: every
 * module a client component reaches imports `z` from here, never from "zod" (server/zod.test.ts
 * checks). On the server the fast path stays on. Kept out of the root bundle: only the pages whose
 * forms use these schemas load zod.
 */
import { z } from "zod";

if (typeof window !== "undefined") z.config({ jitless: true });

export { z };
