import { z } from "zod";
import { organizationId } from "./accreditation-schemas";
import { text } from "./review-schemas";

/** The fields the public register shows; changes to them wait for the secretariat once an organization is listed. */
export const PUBLIC_PROFILE_FIELDS = [
  "legalName",
  "acronym",
  "type",
  "country",
  "city",
  "foundedYear",
  "website",
  "countriesOfWork",
  "themes",
  "populationsServed",
  "description",
  "isCoalition",
  "coalitionMembers",
] as const;
export type PublicProfileField = (typeof PUBLIC_PROFILE_FIELDS)[number];

/** The change staff read and act on: a later edit by the organization raises its revision and is refused here. */
const reviewed = { organizationId, changeId: z.uuid({ error: "invalid" }), revision: z.coerce.number().int().positive({ error: "invalid" }) };

export const approveProfileChangeSchema = z.object(reviewed);
/** `reason` like the other secretariat forms: it is the message the organization receives. */
export const refuseProfileChangeSchema = z.object({ ...reviewed, reason: text(2000) });
