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
    declarations: { requestedCategory: org.requestedCategory ?? "participant", truthful: true, codeOfConduct: true },
  };
}

/**
 * A small, valid one-page PDF naming the document, generated rather than shipped as a file.
 * `padTo` makes it that many bytes long (blank space before the cross-reference table), for size limits.
 */
export function seedPdf(title: string, { padTo = 0 }: { padTo?: number } = {}): Uint8Array<ArrayBuffer> {
  // One byte per character, so string offsets are byte offsets; WinAnsi shows the accents of Latin-1.
  const text = title.replace(/[()\\]/g, "").replace(/[^\x20-\xff]/gu, "?");
  const stream = `BT /F1 14 Tf 50 780 Td (${text}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const table = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  const end = (xref: number) => `${table}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  let padding = 0;
  // The ending's length depends on the digits of the table's offset, which the padding moves.
  for (let pass = 0; pass < 3; pass++) padding = Math.max(0, padTo - body.length - end(body.length + padding).length);
  return Buffer.from(body + " ".repeat(padding) + end(body.length + padding), "latin1");
}

export function seedDocuments(org: SeedOrganization, sections: ApplicationSections) {
  return requiredDocuments(sections).map((kind: DocumentKind) => {
    const bytes = seedPdf(`${org.legalName} - ${kind}`);
    return { kind, fileName: `${org.slug}-${kind}.pdf`, bytes, sha256: createHash("sha256").update(bytes).digest("hex") };
  });
}

export { completedSections };
