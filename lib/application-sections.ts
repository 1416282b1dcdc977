import { z } from "zod";
import { choiceList, emailAddress, optionalSingleLineText, requiredText, singleLineText } from "./text-input";
import {
  ACCREDITATION_CATEGORIES,
  type AccreditationCategory,
  CSM_COUNTRIES,
  type CountryCode,
  type DocumentKind,
  ORGANIZATION_TYPES,
  type OrganizationType,
  THEMES,
  type Theme,
} from "./domain";

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
export type DeclarationsSection = {
  requestedCategory: AccreditationCategory;
  truthful: boolean;
  codeOfConduct: boolean;
  /** Its members would be at risk if it were named: the public list of pending applications shows only its country and type. */
  membersAtRisk?: boolean;
};

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

// --- validation: every save is checked against these (zod messages are keys of the `Validation` catalog) ---

const text = (max: number) => requiredText(max);
const country = z.enum(CSM_COUNTRIES, { error: "required" });
const accepted = z.boolean().refine((value) => value, { error: "mustAccept" });

export const organizationSectionSchema = z.object({
  legalName: singleLineText(200),
  acronym: optionalSingleLineText(40),
  type: z.enum(ORGANIZATION_TYPES, { error: "required" }),
  country,
  city: singleLineText(120),
  // Four digits as typed ("2e3" or "1999.0" are not a year); saved answers hold the number.
  foundedYear: z
    .union(
      [
        z.number(),
        z
          .string()
          .trim()
          .regex(/^\d{4}$/, { error: "year" }),
      ],
      { error: "year" },
    )
    .pipe(
      z.coerce
        .number<string | number>({ error: "year" })
        .int({ error: "year" })
        .min(1800, { error: "year" })
        .refine((year) => year <= new Date().getUTCFullYear(), { error: "year" }),
    ),
  registryName: singleLineText(200),
  registryNumber: singleLineText(80),
  website: z
    .string()
    .trim()
    .max(300, { error: "tooLong" })
    .nullish()
    .transform((value) => value || null)
    .pipe(z.url({ protocol: /^https?$/, error: "url" }).nullable()),
  contactEmail: emailAddress(),
  countriesOfWork: choiceList(CSM_COUNTRIES, 1),
}) satisfies z.ZodType<OrganizationSection>;

export const workSectionSchema = z.object({
  themes: choiceList(THEMES, 1),
  populationsServed: text(1000),
  description: text(4000),
}) satisfies z.ZodType<WorkSection>;

export const representationSectionSchema = z
  .object({
    isCoalition: z.boolean(),
    members: z.array(z.object({ name: singleLineText(200), country })).max(100, { error: "tooMany" }),
  })
  .refine((value) => !value.isCoalition || value.members.length > 0, { error: "chooseAtLeastOne", path: ["members"] })
  .transform((value) => (value.isCoalition ? value : { ...value, members: [] })) satisfies z.ZodType<RepresentationSection>;

export const governanceSectionSchema = z.object({
  fundingSources: text(2000),
  independenceDeclared: accepted,
}) satisfies z.ZodType<GovernanceSection>;

export const declarationsSectionSchema = z.object({
  requestedCategory: z.enum(ACCREDITATION_CATEGORIES, { error: "required" }),
  truthful: accepted,
  codeOfConduct: accepted,
  membersAtRisk: z.boolean().default(false),
}) satisfies z.ZodType<DeclarationsSection>;

export const renewalSectionSchema = z.object({ report: text(4000) });

/** The sections whose answers are typed in a form (documents are uploads). */
export const FORM_SECTION_IDS = ["organization", "work", "representation", "governance", "declarations", "renewal"] as const;
export type FormSectionId = (typeof FORM_SECTION_IDS)[number];

export const SECTION_SCHEMAS = {
  organization: organizationSectionSchema,
  work: workSectionSchema,
  representation: representationSectionSchema,
  governance: governanceSectionSchema,
  declarations: declarationsSectionSchema,
  renewal: renewalSectionSchema,
} as const satisfies Record<FormSectionId, z.ZodType>;

type SectionAnswers = { [S in FormSectionId]-?: NonNullable<ApplicationSections[S]> };

/**
 * Each section's fields in the order the applicant's form asks for them: the check-your-answers
 * page and the secretariat's review page show them in this order (stored answers are JSONB,
 * whose keys come back in another order). Every field of a section must be listed.
 */
export const SECTION_FIELDS = {
  organization: [
    "legalName",
    "acronym",
    "type",
    "country",
    "city",
    "foundedYear",
    "registryName",
    "registryNumber",
    "website",
    "contactEmail",
    "countriesOfWork",
  ],
  work: ["themes", "populationsServed", "description"],
  representation: ["isCoalition", "members"],
  governance: ["fundingSources", "independenceDeclared"],
  declarations: ["requestedCategory", "truthful", "codeOfConduct", "membersAtRisk"],
  renewal: ["report"],
} as const satisfies { [S in FormSectionId]: readonly (keyof SectionAnswers[S])[] };

type ListedEverywhere = { [S in FormSectionId]: Exclude<keyof SectionAnswers[S], (typeof SECTION_FIELDS)[S][number]> }[FormSectionId];
// A field added to a section's type but not to its list fails to compile here.
const everyFieldListed: [ListedEverywhere] extends [never] ? true : false = true;
void everyFieldListed;

/** A section's stored answers as [field, value] pairs in the form's order; fields no longer asked come last, as stored. */
export function orderedAnswers(section: FormSectionId, answers: Record<string, unknown>): [string, unknown][] {
  const listed: readonly string[] = SECTION_FIELDS[section];
  return [
    ...listed.filter((field) => field in answers).map((field): [string, unknown] => [field, answers[field]]),
    ...Object.entries(answers).filter(([field]) => !listed.includes(field)),
  ];
}

/** Sections that also live on the organization's profile, kept across meeting cycles. */
export const PROFILE_SECTION_IDS = ["organization", "work", "representation", "governance"] as const;
export type ProfileSectionId = (typeof PROFILE_SECTION_IDS)[number];

export function isFormSection(value: string): value is FormSectionId {
  return (FORM_SECTION_IDS as readonly string[]).includes(value);
}

/** The form sections an application must have filled: renewals add the report on the previous meeting. */
export function requiredFormSections(isRenewal: boolean): FormSectionId[] {
  const ids: FormSectionId[] = ["organization", "work", "representation", "governance", "declarations"];
  return isRenewal ? [...ids, "renewal"] : ids;
}

/** Sections complete as saved: each answer validates and every required document is there. */
export function completedSections(sections: ApplicationSections, uploaded: readonly DocumentKind[]): SectionId[] {
  const done: SectionId[] = [];
  for (const id of SECTION_IDS) {
    if (id === "documents") {
      if (requiredDocuments(sections).every((kind) => uploaded.includes(kind))) done.push(id);
    } else if (SECTION_SCHEMAS[id].safeParse(sections[id]).success) {
      done.push(id);
    }
  }
  return done;
}

/** The category the applicant asked for in its declarations (complete applications always answer it). */
export function requestedCategory(sections: ApplicationSections): AccreditationCategory {
  return sections.declarations?.requestedCategory ?? "participant";
}
