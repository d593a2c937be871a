/**
 * The client's address as the first hop recorded by the reverse proxy (X-Forwarded-For), else
 * X-Real-IP; null when the server is reached directly and Next.js does not say. Used for the
 * audit log and sign-in throttling; bounded in length because it is client-controlled.
 */
export function clientAddress(headers: { get(name: string): string | null }): string | null {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const address = forwarded || headers.get("x-real-ip")?.trim() || null;
  return address ? address.slice(0, 64) : null;
}
