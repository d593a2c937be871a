/**
 * The "world's" mail server for integration tests: an SMTP server on 127.0.0.1 (a free port) that
 * keeps every message the portal sends, with its envelope recipients.
 */
import { SMTPServer } from "smtp-server";

export type CaughtMail = { to: string[]; raw: Buffer };

export async function startSmtpCatcher(): Promise<{ port: number; caught: CaughtMail[]; close: () => Promise<void> }> {
  const caught: CaughtMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    onData(stream, session, cb) {
      const parts: Buffer[] = [];
      stream.on("data", (c: Buffer) => parts.push(c));
      stream.on("end", () => {
        caught.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(parts) });
        cb();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.server.address() as { port: number }).port;
  return { port, caught, close: () => new Promise<void>((r) => server.close(() => r())) };
}
