import { env } from "@/lib/env";

/**
 * Settings of the abuse limits. TRUSTED_PROXY_HOPS: how many proxies in front of the app append
 * to X-Forwarded-For (0: none, the socket's address is the client's).
 */
export function securitySettings() {
  const settings = env();
  return {
    trustedProxyHops: settings.TRUSTED_PROXY_HOPS,
    invitationsPerMemberPerHour: settings.INVITATION_LIMIT_PER_MEMBER,
    invitationsPerOrganizationPerDay: settings.INVITATION_LIMIT_PER_ORGANIZATION,
    signInLinksPerEmail: settings.SIGN_IN_LIMIT_PER_EMAIL,
    signInRequestsPerAddress: settings.SIGN_IN_LIMIT_PER_ADDRESS,
    signInCodesPerAddress: settings.SIGN_IN_CODE_LIMIT_PER_ADDRESS,
  };
}
