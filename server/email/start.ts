/** Starts the email channel in a server process (instrumentation.ts): the SMTP listener, unless SMTP_LISTEN is off. */
import { getDb } from "@/server/db";
import { env } from "@/server/env";
import { mailConfig } from "./config";
import { parseListen, startMailListener } from "./listener";

export function startMailOnStart(): void {
  const listen = parseListen(env.SMTP_LISTEN);
  if (!listen) return;
  void startMailListener(getDb(), listen, mailConfig()).then((l) => {
    if (l) console.info(`email: listening for mail on ${l.host}:${l.port}`);
  });
}
