import type { FormValues } from "./action-state";
import type { FormSectionId } from "./application-sections";

const MAX_MEMBER_ROWS = 100;

/**
 * A section form's FormData as the section schema's input, and as text to echo back so a
 * failed save keeps what was typed (lists joined by commas, coalition members by row).
 */
export function readSectionForm(section: FormSectionId, formData: FormData): { input: Record<string, unknown>; values: FormValues } {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  const list = (name: string) => formData.getAll(name).filter((value): value is string => typeof value === "string" && value !== "");
  const flag = (name: string) => formData.get(name) === "on";

  switch (section) {
    case "organization": {
      const fields = ["legalName", "acronym", "type", "country", "city", "foundedYear", "registryName", "registryNumber", "website", "contactEmail"];
      const input: Record<string, unknown> = Object.fromEntries(fields.map((name) => [name, text(name)]));
      input.countriesOfWork = list("countriesOfWork");
      const values = Object.fromEntries(fields.map((name) => [name, text(name)]));
      return { input, values: { ...values, countriesOfWork: list("countriesOfWork").join(",") } };
    }
    case "work":
      return {
        input: { themes: list("themes"), populationsServed: text("populationsServed"), description: text("description") },
        values: { themes: list("themes").join(","), populationsServed: text("populationsServed"), description: text("description") },
      };
    case "representation": {
      const members: { name: string; country: string }[] = [];
      const values: FormValues = { isCoalition: flag("isCoalition") ? "on" : "" };
      for (let row = 0; row < MAX_MEMBER_ROWS; row++) {
        if (!formData.has(`members.${row}.name`)) break;
        const name = text(`members.${row}.name`).trim();
        const country = text(`members.${row}.country`);
        if (name === "" && country === "") continue;
        values[`members.${members.length}.name`] = name;
        values[`members.${members.length}.country`] = country;
        members.push({ name, country });
      }
      return { input: { isCoalition: flag("isCoalition"), members }, values };
    }
    case "governance":
      return {
        input: { fundingSources: text("fundingSources"), independenceDeclared: flag("independenceDeclared") },
        values: { fundingSources: text("fundingSources"), independenceDeclared: flag("independenceDeclared") ? "on" : "" },
      };
    case "declarations":
      return {
        input: {
          requestedCategory: text("requestedCategory"),
          truthful: flag("truthful"),
          codeOfConduct: flag("codeOfConduct"),
          membersAtRisk: flag("membersAtRisk"),
        },
        values: {
          requestedCategory: text("requestedCategory"),
          truthful: flag("truthful") ? "on" : "",
          codeOfConduct: flag("codeOfConduct") ? "on" : "",
          membersAtRisk: flag("membersAtRisk") ? "on" : "",
        },
      };
    case "renewal":
      return { input: { report: text("report") }, values: { report: text("report") } };
  }
}

/** Saved answers as form text, the same shape readSectionForm echoes back. */
export function sectionValues(section: FormSectionId, answers: unknown): FormValues {
  if (!answers || typeof answers !== "object") return {};
  const values: FormValues = {};
  for (const [key, value] of Object.entries(answers as Record<string, unknown>)) {
    if (key === "members" && Array.isArray(value)) {
      value.forEach((member: { name: string; country: string }, row) => {
        values[`members.${row}.name`] = member.name;
        values[`members.${row}.country`] = member.country;
      });
    } else if (Array.isArray(value)) values[key] = value.join(",");
    else if (typeof value === "boolean") values[key] = value ? "on" : "";
    else if (value !== null && value !== undefined) values[key] = String(value);
  }
  return section === "representation" && !("isCoalition" in values) ? { ...values, isCoalition: "" } : values;
}
