import { randomUUID } from "node:crypto";
import type { Database } from "@/db/client";
import { saveApplicationSection } from "@/db/queries/applications-own";
import { uploadDocument } from "@/db/queries/documents";
import { createOrganization } from "@/db/queries/organization-profile";
import { seedPdf } from "@/db/seed-sections";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/actor";
import type { OrganizationSection } from "@/lib/application-sections";
import type { Locale, Role } from "@/lib/domain";

export async function createUser(db: Database, role: Role, locale: Locale | null = null): Promise<Actor> {
  const email = `${role}-${randomUUID()}@example.org`;
  const [user] = await db.insert(users).values({ email, role, locale }).returning({ id: users.id });
  return { id: user!.id, email, role, locale };
}

/** A small one-page PDF a reader can open, showing `label`. */
export function pdfBytes(label = "test"): Uint8Array<ArrayBuffer> {
  return seedPdf(label);
}

/** A Windows executable's first bytes ("MZ"), whatever name it is given. */
export function exeBytes(): Uint8Array {
  const bytes = new Uint8Array(256);
  bytes.set([0x4d, 0x5a, 0x90, 0x00]);
  return bytes;
}

export function organizationAnswers(overrides: Partial<OrganizationSection> = {}): OrganizationSection {
  return {
    legalName: `Fundación Prueba ${randomUUID().slice(0, 6)}`,
    acronym: "FP",
    type: "ngo",
    country: "PE",
    city: "Lima",
    foundedYear: 2010,
    registryName: "SUNARP",
    registryNumber: `R-${randomUUID().slice(0, 8)}`,
    website: "https://example.org",
    contactEmail: "contacto@example.org",
    countriesOfWork: ["PE", "BO"],
    ...overrides,
  };
}

export const WORK = { themes: ["asylum", "integration"], populationsServed: "Personas refugiadas", description: "Asesoría legal desde 2010." };
export const REPRESENTATION = { isCoalition: false, members: [] };
export const GOVERNANCE = { fundingSources: "Donantes privados (70 %), cuotas (30 %).", independenceDeclared: true };
export const DECLARATIONS = { requestedCategory: "participant", truthful: true, codeOfConduct: true } as const;
export const REQUIRED_KINDS = ["statute", "registration_proof", "activity_report", "motivation_letter"] as const;

/** An applicant who has just created an organization, with its first draft. */
export async function newApplicant(db: Database, locale: Locale | null = null) {
  const actor = await createUser(db, "applicant", locale);
  const { organizationId, applicationId } = await createOrganization(actor, organizationAnswers());
  return { actor, organizationId, applicationId };
}

/** Fills every section of a new draft and uploads the required documents, as the applicant would. */
export async function completeDraft(actor: Actor, applicationId: string): Promise<void> {
  await saveApplicationSection(actor, applicationId, "work", WORK);
  await saveApplicationSection(actor, applicationId, "representation", REPRESENTATION);
  await saveApplicationSection(actor, applicationId, "governance", GOVERNANCE);
  await saveApplicationSection(actor, applicationId, "declarations", DECLARATIONS);
  for (const kind of REQUIRED_KINDS) await uploadDocument(actor, applicationId, kind, { name: `${kind}.pdf`, bytes: pdfBytes(kind) });
}
