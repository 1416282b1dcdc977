/**
 * The client's address as the load balancer reports it. Behind a proxy, that proxy must
 * overwrite X-Forwarded-For; the first entry is then the client.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || "unknown";
}

/** A same-site path to return to after sign-in; anything else falls back. */
export function safeReturnPath(candidate: string | undefined | null, fallback: string): string {
  if (!candidate || !candidate.startsWith("/") || candidate.startsWith("//") || candidate.includes("\\")) return fallback;
  return candidate;
}
