import "server-only";
import { hitRateLimit } from "@/db/queries/rate-limits";
import { logger } from "@/lib/logger";
import { securitySettings } from "@/lib/security-settings";

const WINDOW_SECONDS = 15 * 60;

/** Which sign-in limit refused a request. The log says which one, never the address or e-mail it was keyed on. */
export type SignInLimit = "email" | "address" | "code";

async function hit(limit: SignInLimit, subject: string, allowed: number): Promise<boolean> {
  const result = await hitRateLimit(`sign-in:${limit}:${subject}`, allowed, WINDOW_SECONDS);
  if (!result.allowed) {
    logger().warn(
      { event: "sign_in.rate_limited", limit, allowed, windowSeconds: WINDOW_SECONDS, retryAfterSeconds: result.retryAfterSeconds },
      "sign-in refused by rate limit",
    );
  }
  return result.allowed;
}

/** Counts a request for a sign-in link against the e-mail's and the client address's limits; true when both allow it. */
export async function allowSignInRequest(email: string, clientAddress: string): Promise<boolean> {
  const limits = securitySettings();
  const [byEmail, byAddress] = await Promise.all([
    hit("email", email, limits.signInLinksPerEmail),
    hit("address", clientAddress, limits.signInRequestsPerAddress),
  ]);
  return byEmail && byAddress;
}

/** Counts a typed sign-in code against the client address's limit. */
export function allowSignInCode(clientAddress: string): Promise<boolean> {
  return hit("code", clientAddress, securitySettings().signInCodesPerAddress);
}
