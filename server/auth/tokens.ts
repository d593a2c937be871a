import { createHash, randomBytes } from "node:crypto";

/**
 * Tokens for links sent by email (invitations, password resets) and the setup token: 32 random
 * bytes, URL-safe. Only their SHA-256 is stored, so the database never holds a usable link.
 */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A token as it arrives in a URL or form: URL-safe base64 of a sensible length, else null. */
export function parseToken(raw: unknown): string | null {
  return typeof raw === "string" && /^[A-Za-z0-9_-]{20,100}$/.test(raw) ? raw : null;
}
