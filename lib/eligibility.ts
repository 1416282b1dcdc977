import { type ApplicationSections, type FormSectionId, requiredDocuments, requiredFormSections, SECTION_SCHEMAS, type SectionId } from "./application-sections";
import type { DocumentKind, EligibilityCriterion } from "./domain";

export type EligibilityItem = { criterion: EligibilityCriterion; met: boolean; section: SectionId };

/** What keeps an application from being submitted; empty when it is ready. */
export type Readiness = {
  missingSections: FormSectionId[];
  missingDocuments: DocumentKind[];
  ready: boolean;
};

/** PRODUCT.md's eligibility criteria, as far as the applicant's own answers can show them. */
export function eligibilityChecklist(sections: ApplicationSections, uploaded: readonly DocumentKind[], now = new Date()): EligibilityItem[] {
  const org = sections.organization;
  const work = sections.work;
  const governance = sections.governance;
  return [
    {
      criterion: "non_profit",
      met: Boolean(org?.registryName && org.registryNumber && uploaded.includes("statute") && uploaded.includes("registration_proof")),
      section: "organization",
    },
    { criterion: "works_on_migration", met: Boolean(work && work.themes.length > 0 && work.description), section: "work" },
    { criterion: "operates_in_csm_state", met: Boolean(org && org.countriesOfWork.length > 0), section: "organization" },
    {
      criterion: "two_years_activity",
      met: Boolean(org?.foundedYear && org.foundedYear <= now.getUTCFullYear() - 2),
      section: "organization",
    },
    { criterion: "funding_disclosed", met: Boolean(governance?.fundingSources), section: "governance" },
    { criterion: "independent", met: governance?.independenceDeclared === true, section: "governance" },
  ];
}

/** Every required section answered (declarations included) and every required document uploaded. */
export function readiness(sections: ApplicationSections, uploaded: readonly DocumentKind[], isRenewal: boolean): Readiness {
  const missingSections = requiredFormSections(isRenewal).filter((id) => !SECTION_SCHEMAS[id].safeParse(sections[id]).success);
  const missingDocuments = requiredDocuments(sections).filter((kind) => !uploaded.includes(kind));
  return { missingSections, missingDocuments, ready: missingSections.length === 0 && missingDocuments.length === 0 };
}
