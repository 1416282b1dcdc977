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
  /** The application window (how-to-take-part, applicant pages). */
  meetings: "meetings",
  organization: (organizationId: string) => `organization:${organizationId}`,
} as const;

/** Expires at once (not stale-while-revalidate): the next visitor sees the change. */
export function expirePublicOrganization(organizationId: string): void {
  for (const tag of [PUBLIC_TAGS.register, PUBLIC_TAGS.figures, PUBLIC_TAGS.organization(organizationId)]) {
    revalidateTag(tag, { expire: 0 });
  }
}

/** After an edition is created or edited: the application window, and the meetings organization pages list. */
export function expirePublicMeetings(): void {
  for (const tag of [PUBLIC_TAGS.meetings, PUBLIC_TAGS.register]) revalidateTag(tag, { expire: 0 });
}
