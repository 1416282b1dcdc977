import { createHash } from "node:crypto";
import { type ApplicationSections, completedSections, requiredDocuments } from "@/lib/application-sections";
import type { CountryCode, DocumentKind } from "@/lib/domain";
import type { SeedOrganization } from "./seed-data";

/** The profile columns a seeded organization gets, so its applications can be complete. */
export function seedProfile(org: SeedOrganization) {
  return {
    foundedYear: org.foundedYear ?? 2008,
    registryName: org.country ? "Registro nacional de personas jurídicas" : "Registro de la sede regional",
    registryNumber: `DEMO-${org.slug.toUpperCase()}`,
    contactEmail: `contacto@${org.slug}.example.org`,
    populationsServed: "Personas migrantes, refugiadas y solicitantes de asilo.",
    description: `${org.legalName} acompaña a personas migrantes y refugiadas con asesoría, incidencia y servicios directos.`,
    fundingSources: "Cooperación internacional, fundaciones privadas y aportes de sus miembros.",
    independenceDeclared: true,
  };
}

/**
 * The full answers of a seeded application, taken from the organization's profile.
 * A regional network registered outside any CSM state has no country (null, as on its profile).
 */
export function seedSections(org: SeedOrganization, members: { name: string; country: CountryCode }[], complete: boolean): ApplicationSections {
  const profile = seedProfile(org);
  const sections: ApplicationSections = {
    organization: {
      legalName: org.legalName,
      acronym: org.acronym ?? null,
      type: org.type,
      country: org.country as CountryCode,
      city: org.city ?? "",
      foundedYear: profile.foundedYear,
      registryName: profile.registryName,
      registryNumber: profile.registryNumber,
      website: null,
      contactEmail: profile.contactEmail,
      countriesOfWork: org.countriesOfWork,
    },
    work: { themes: org.themes, populationsServed: profile.populationsServed, description: profile.description },
  };
  if (!complete) return sections;
  return {
    ...sections,
    representation: { isCoalition: org.isCoalition ?? false, members },
    governance: { fundingSources: profile.fundingSources, independenceDeclared: true },
    declarations: { truthful: true, codeOfConduct: true },
  };
}

/** A small, valid one-page PDF naming the document, generated rather than shipped as a file. */
export function seedPdf(title: string): Uint8Array {
  const text = title.replace(/[()\\]/g, "");
  const stream = `BT /F1 14 Tf 50 780 Td (${text}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

export function seedDocuments(org: SeedOrganization, sections: ApplicationSections) {
  return requiredDocuments(sections).map((kind: DocumentKind) => {
    const bytes = seedPdf(`${org.legalName} - ${kind}`);
    return { kind, fileName: `${org.slug}-${kind}.pdf`, bytes, sha256: createHash("sha256").update(bytes).digest("hex") };
  });
}

export { completedSections };
