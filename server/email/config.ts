/** The email channel's settings, read once from server/env.ts. */
import { env } from "@/server/env";
import { mailDomain, parseSupportAddresses } from "./addresses";

export type MailConfig = {
  /** Addresses we accept mail for; the first is the one replies go to. */
  supportAddresses: string[];
  /** Signs ticket tokens in reply addresses and message ids. */
  key: string;
  domain: string;
  maxBytes: number;
};

let cached: MailConfig | null = null;

export function mailConfig(): MailConfig {
  if (cached) return cached;
  const supportAddresses = parseSupportAddresses(env.SUPPORT_ADDRESSES);
  if (supportAddresses.length === 0) supportAddresses.push("support@attain.test");
  cached = {
    supportAddresses,
    key: `mail:${env.NEXTAUTH_SECRET ?? "attain-development-mail-key"}`,
    domain: mailDomain(supportAddresses[0]!),
    maxBytes: env.MAIL_MAX_BYTES,
  };
  return cached;
}
