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
