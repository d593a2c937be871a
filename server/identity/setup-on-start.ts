import { getDb } from "@/server/db";
import { env } from "@/server/env";
import { issueSetupToken } from "./installation";

/**
 * At server start: while the installation has no administrator, make sure a setup token stands and
 * print it if this process issued it (npm start issues one before serving; this covers a server
 * started some other way). Never throws: a failure here must not stop the server.
 */
export function announceSetup(): void {
  try {
    const token = issueSetupToken(getDb(), new Date(), { chosen: env.SETUP_TOKEN });
    if (token)
      console.log(
        `\nAttain needs its first administrator. Open /setup and enter this one-time setup token:\n\n    ${token}\n`,
      );
  } catch (err) {
    console.error("Could not check the installation's setup:", err instanceof Error ? err.message : err);
  }
}
