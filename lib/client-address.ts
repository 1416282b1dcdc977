import { securitySettings } from "./security-settings";

/** Set by lib/server/peer-address.ts on every request from the socket it came in on; never trusted from the client. */
export const PEER_ADDRESS_HEADER = "x-csm-peer-address";

/**
 * The client's address for rate limits. The chain is X-Forwarded-For's entries followed by the
 * socket's address; each trusted proxy appended the address it was reached from, so the client is
 * `trustedHops` entries from the right. With no trusted proxy, the socket's address; entries a
 * client wrote itself (to the left) are never used while the chain is long enough.
 */
export function clientAddress(headers: Headers, trustedHops = securitySettings().trustedProxyHops): string {
  const peer = headers.get(PEER_ADDRESS_HEADER)?.trim() || "unknown";
  if (trustedHops <= 0) return peer;
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [...forwarded, peer];
  return chain[Math.max(0, chain.length - 1 - trustedHops)]!;
}

/** A same-site path to return to after sign-in; anything else falls back. */
export function safeReturnPath(candidate: string | undefined | null, fallback: string): string {
  if (!candidate || !candidate.startsWith("/") || candidate.startsWith("//") || candidate.includes("\\")) return fallback;
  return candidate;
}
