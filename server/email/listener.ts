/**
 * The SMTP listener (smtp-server): receives mail for the support addresses and the tickets' reply
 * addresses only (any other recipient is refused at RCPT TO, so the portal is no open relay), up to
 * MAIL_MAX_BYTES (announced in EHLO SIZE and enforced on the data), and hands each message to
 * inbound.ts; the sender hears "250" only once the message is stored, and "451" (try again later)
 * when storing failed, so a sending server retries rather than losing it. No AUTH and no TLS: it is
 * meant to sit behind the organization's mail exchanger or on 127.0.0.1 (README).
 *
 * Started with the portal from instrumentation.ts in every server process: the cluster's workers
 * share one listening port through Node's cluster module. A port already taken (a second `next dev`,
 * a test) is logged and the portal runs on without the listener.
 */
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from "smtp-server";
import type { Db } from "@/server/db";
import { classifyRecipient } from "./addresses";
import type { MailConfig } from "./config";
import { receiveMail } from "./inbound";

export type MailListener = { port: number; host: string; close: () => Promise<void> };

/** `host:port` of SMTP_LISTEN; null for `off`. */
export function parseListen(value: string): { host: string; port: number } | null {
  if (/^(off|false|no|0)$/i.test(value.trim())) return null;
  const m = /^\[?([^\]]*?)\]?:(\d{1,5})$/.exec(value.trim());
  if (!m) return { host: "127.0.0.1", port: Number(value) || 2525 };
  return { host: m[1] || "127.0.0.1", port: Number(m[2]) };
}

const smtpError = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

async function readAll(stream: SMTPServerDataStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

/**
 * Starts listening; resolves to the listener, or to null when the address is taken or listening is
 * off. `clock` gives each message's arrival time.
 */
export function startMailListener(
  db: Db,
  listen: { host: string; port: number },
  config: MailConfig,
  clock: () => Date = () => new Date(),
): Promise<MailListener | null> {
  const server = new SMTPServer({
    name: config.domain,
    banner: "Attain support mail",
    size: config.maxBytes,
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    hideSTARTTLS: true,
    logger: false,
    maxClients: 50,
    socketTimeout: 60_000,
    onRcptTo(address, _session, callback) {
      if (classifyRecipient(address.address, config.supportAddresses, config.key).kind === "other")
        return callback(smtpError(550, "5.1.1 No such recipient here"));
      callback();
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback) {
      const arrived = clock();
      readAll(stream)
        .then(async (raw) => {
          if (stream.sizeExceeded) {
            console.warn(`email: a message over ${config.maxBytes} bytes was refused`);
            return callback(smtpError(552, "5.3.4 Message too big"));
          }
          const mailFrom = session.envelope.mailFrom;
          await receiveMail(
            db,
            {
              raw,
              envelopeFrom: mailFrom === false ? "" : (mailFrom.address ?? ""),
              recipients: session.envelope.rcptTo.map((r) => r.address),
              via: "smtp",
              receivedAt: arrived,
            },
            config,
          );
          callback();
        })
        .catch((err: unknown) => {
          console.error("email: storing a received message failed", err);
          callback(smtpError(451, "4.3.0 Temporary failure, try again later"));
        });
    },
  });
  server.on("error", (err) => console.error("email: SMTP listener error", err));
  return new Promise((resolve) => {
    const onError = (err: NodeJS.ErrnoException) => {
      console.warn(
        `email: cannot listen for mail on ${listen.host}:${listen.port} (${err.code ?? err.message}); ` +
          "this process runs without the SMTP listener",
      );
      resolve(null);
    };
    server.server.once("error", onError);
    server.listen(listen.port, listen.host, () => {
      server.server.off("error", onError);
      const address = server.server.address();
      const port = typeof address === "object" && address ? address.port : listen.port;
      resolve({ port, host: listen.host, close: () => new Promise<void>((r) => server.close(() => r())) });
    });
  });
}
