import { type ApplicationSections, type FormSectionId, requiredDocuments, requiredFormSections, SECTION_SCHEMAS, type SectionId } from "./application-sections";
import type { DocumentKind, EligibilityCriterion } from "./domain";

/** `fixAt`: where the applicant supplies what is missing (empty when the criterion is met). */
export type EligibilityItem = { criterion: EligibilityCriterion; met: boolean; fixAt: SectionId[] };

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
  // Each criterion lists its parts: where each is answered, and whether it is.
  const criteria: { criterion: EligibilityCriterion; parts: [SectionId, boolean][] }[] = [
    {
      criterion: "non_profit",
      parts: [
        ["organization", Boolean(org?.registryName && org.registryNumber)],
        ["documents", uploaded.includes("statute") && uploaded.includes("registration_proof")],
      ],
    },
    { criterion: "works_on_migration", parts: [["work", Boolean(work && work.themes.length > 0 && work.description)]] },
    { criterion: "operates_in_csm_state", parts: [["organization", Boolean(org && org.countriesOfWork.length > 0)]] },
    {
      criterion: "two_years_activity",
      parts: [["organization", Boolean(org?.foundedYear && org.foundedYear <= now.getUTCFullYear() - 2)]],
    },
    { criterion: "funding_disclosed", parts: [["governance", Boolean(governance?.fundingSources)]] },
    { criterion: "independent", parts: [["governance", governance?.independenceDeclared === true]] },
  ];
  return criteria.map(({ criterion, parts }) => {
    const fixAt = parts.filter(([, answered]) => !answered).map(([section]) => section);
    return { criterion, met: fixAt.length === 0, fixAt };
  });
}

/** Every required section answered (declarations included) and every required document uploaded. */
export function readiness(sections: ApplicationSections, uploaded: readonly DocumentKind[], isRenewal: boolean): Readiness {
  const missingSections = requiredFormSections(isRenewal).filter((id) => !SECTION_SCHEMAS[id].safeParse(sections[id]).success);
  const missingDocuments = requiredDocuments(sections).filter((kind) => !uploaded.includes(kind));
  return { missingSections, missingDocuments, ready: missingSections.length === 0 && missingDocuments.length === 0 };
}
