import type { CountryCode, DocumentKind, OrganizationType, Theme } from "./domain";

/** The sections of an application, in the order the applicant fills them. */
export const SECTION_IDS = ["organization", "work", "representation", "governance", "documents", "declarations"] as const;
export type SectionId = (typeof SECTION_IDS)[number];

/**
 * What `applications.sections` holds: the answers of each section. Organization, work,
 * representation and governance also live on the organization's profile (kept across
 * meeting cycles); the application keeps the copy that was submitted.
 */
export type OrganizationSection = {
  legalName: string;
  acronym: string | null;
  type: OrganizationType;
  country: CountryCode;
  city: string;
  foundedYear: number;
  registryName: string;
  registryNumber: string;
  website: string | null;
  contactEmail: string;
  countriesOfWork: CountryCode[];
};
export type WorkSection = { themes: Theme[]; populationsServed: string; description: string };
export type RepresentationSection = { isCoalition: boolean; members: { name: string; country: CountryCode }[] };
export type GovernanceSection = { fundingSources: string; independenceDeclared: boolean };
export type DeclarationsSection = { truthful: boolean; codeOfConduct: boolean };

export type ApplicationSections = Partial<{
  organization: OrganizationSection;
  work: WorkSection;
  representation: RepresentationSection;
  governance: GovernanceSection;
  declarations: DeclarationsSection;
  /** Renewals only: the organization's report on its participation in the previous meeting. */
  renewal: { report: string };
}>;

/** Documents every application needs; the mandate letter only when applying for a coalition. */
export function requiredDocuments(sections: ApplicationSections): DocumentKind[] {
  const kinds: DocumentKind[] = ["statute", "registration_proof", "activity_report", "motivation_letter"];
  if (sections.representation?.isCoalition) kinds.push("mandate_letter");
  return kinds;
}
