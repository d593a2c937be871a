/**
 * Whether a state-changing request comes from another site (cross-site request forgery).
 * Browsers send `Sec-Fetch-Site` on every request; older ones still send `Origin` on a POST.
 * A request with neither comes from a non-browser client (scripts, curl), which cannot carry a
 * victim's cookies on its own, so it is not refused here. Safe methods are never refused.
 */
export function isCrossSiteMutation(method: string, headers: { get(name: string): string | null }): boolean {
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return false;
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite) return fetchSite !== "same-origin" && fetchSite !== "none";
  const origin = headers.get("origin");
  if (!origin) return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return true; // "null" (sandboxed frames, data: URLs) or garbage
  }
  const hosts = [headers.get("host"), headers.get("x-forwarded-host")].filter((h): h is string => Boolean(h));
  return !hosts.includes(originHost);
}
