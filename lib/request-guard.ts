/** Largest request body the app reads: a 10 MB upload plus its form (next.config's serverActions.bodySizeLimit). */
export const MAX_BODY_BYTES = 12 * 1024 * 1024;

/**
 * Why a request is refused before any route runs, or null. A NUL byte cannot be stored or
 * searched in PostgreSQL and a malformed percent-escape cannot be decoded: no page or API has a
 * use for either, so both are refused here rather than failing deep inside a query.
 */
export function refusedRequest(rawPathAndQuery: string, contentLength: string | null): { status: 400 | 413; reason: string } | null {
  if (contentLength !== null && Number(contentLength) > MAX_BODY_BYTES) return { status: 413, reason: "Request body too large" };
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPathAndQuery.replaceAll("+", " "));
  } catch {
    return { status: 400, reason: "Malformed percent-escape" };
  }
  if (decoded.includes("\u0000")) return { status: 400, reason: "NUL byte in the address" };
  return null;
}

/**
 * Whether a form posted to a route handler comes from a page of the portal itself, judged as Next
 * judges a server action's request: the host in its Origin is the one it was sent to
 * (X-Forwarded-Host behind a proxy, else Host). Unlike Next, a request without Origin is refused:
 * every browser sends one with a POST, so only a script leaves it out, and a script has no use here.
 */
export function isSameOriginPost(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (!origin || origin === "null") return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  const forwardedHost = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  const host = forwardedHost || headers.get("host");
  return Boolean(host) && originHost === host;
}
