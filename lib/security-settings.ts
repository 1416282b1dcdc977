/**
 * Settings of the abuse limits, read in this one place (the deployment's environment).
 * TRUSTED_PROXY_HOPS: how many proxies in front of the app append to X-Forwarded-For (0: none,
 * the socket's address is the client's).
 */
const whole = (value: string | undefined, fallback: number) => {
  const number = Number(value);
  return value !== undefined && value !== "" && Number.isInteger(number) && number >= 0 ? number : fallback;
};

export const securitySettings = () => ({
  trustedProxyHops: whole(process.env.TRUSTED_PROXY_HOPS, 0),
  invitationsPerMemberPerHour: whole(process.env.INVITATION_LIMIT_PER_MEMBER, 10),
  invitationsPerOrganizationPerDay: whole(process.env.INVITATION_LIMIT_PER_ORGANIZATION, 30),
});
