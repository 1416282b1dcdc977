import "server-only";
import { revalidateTag } from "next/cache";

/**
 * Cache tags of the public register. Cached readers tag themselves with these; every write
 * that changes what the public sees (decision, suspension, reinstatement, revocation,
 * profile change of an accredited organization) expires them.
 */
export const PUBLIC_TAGS = {
  register: "register",
  figures: "register:figures",
  organization: (organizationId: string) => `organization:${organizationId}`,
} as const;

/** Expires at once (not stale-while-revalidate): the next visitor sees the change. */
export function expirePublicOrganization(organizationId: string): void {
  for (const tag of [PUBLIC_TAGS.register, PUBLIC_TAGS.figures, PUBLIC_TAGS.organization(organizationId)]) {
    revalidateTag(tag, { expire: 0 });
  }
}
