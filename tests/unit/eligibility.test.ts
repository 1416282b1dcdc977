import { describe, expect, it } from "vitest";
import type { ApplicationSections } from "@/lib/application-sections";
import { eligibilityChecklist } from "@/lib/eligibility";

const NOW = new Date("2026-06-01T00:00:00Z");
const COMPLETE: ApplicationSections = {
  organization: {
    legalName: "Fundación Caminos",
    acronym: null,
    type: "ngo",
    country: "PE",
    city: "Lima",
    foundedYear: 2010,
    registryName: "SUNARP",
    registryNumber: "R-123",
    website: null,
    contactEmail: "contacto@example.org",
    countriesOfWork: ["PE"],
  },
  work: { themes: ["asylum"], populationsServed: "Personas refugiadas", description: "Asesoría legal." },
  governance: { fundingSources: "Donantes privados.", independenceDeclared: true },
};
const DOCUMENTS = ["statute", "registration_proof", "activity_report", "motivation_letter"] as const;

const fixAt = (sections: ApplicationSections, uploaded: readonly (typeof DOCUMENTS)[number][]) =>
  Object.fromEntries(eligibilityChecklist(sections, uploaded, NOW).map((item) => [item.criterion, item.fixAt]));

describe("eligibilityChecklist", () => {
  it("sends each missing part of a criterion where it is supplied: documents to the documents page", () => {
    expect(fixAt(COMPLETE, [])).toMatchObject({ non_profit: ["documents"] });
    expect(fixAt(COMPLETE, ["statute"])).toMatchObject({ non_profit: ["documents"] });
    const noRegistry = { ...COMPLETE, organization: { ...COMPLETE.organization!, registryNumber: "" } };
    expect(fixAt(noRegistry, DOCUMENTS)).toMatchObject({ non_profit: ["organization"] });
    expect(fixAt(noRegistry, [])).toMatchObject({ non_profit: ["organization", "documents"] });
  });

  it("sends the other criteria to their own section, and lists nowhere once met", () => {
    const items = eligibilityChecklist(COMPLETE, DOCUMENTS, NOW);
    expect(items.every((item) => item.met && item.fixAt.length === 0)).toBe(true);
    expect(fixAt({}, [])).toEqual({
      non_profit: ["organization", "documents"],
      works_on_migration: ["work"],
      operates_in_csm_state: ["organization"],
      two_years_activity: ["organization"],
      funding_disclosed: ["governance"],
      independent: ["governance"],
    });
    const young = { ...COMPLETE, organization: { ...COMPLETE.organization!, foundedYear: 2025 } };
    expect(eligibilityChecklist(young, DOCUMENTS, NOW).find((item) => item.criterion === "two_years_activity")).toEqual({
      criterion: "two_years_activity",
      met: false,
      fixAt: ["organization"],
    });
  });
});
