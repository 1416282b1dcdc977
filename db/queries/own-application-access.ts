import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { type ApplicationSections, type FormSectionId, requiredFormSections, SECTION_IDS, type SectionId } from "@/lib/application-sections";
import type { ApplicationStatus, DocumentKind } from "@/lib/domain";
import { AppError } from "@/lib/errors";
import type { Executor, Transaction } from "../client";
import { applicationHistory, applications, documents, organizationMembers } from "../schema";

/** Applications of the organizations the actor belongs to, and no other. */
export function memberScope(actor: Actor) {
  return sql`${applications.organizationId} in (select ${organizationMembers.organizationId} from ${organizationMembers} where ${organizationMembers.userId} = ${actor.id})`;
}

export type LockedApplication = {
  id: string;
  organizationId: string;
  status: ApplicationStatus;
  isRenewal: boolean;
  sections: ApplicationSections;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Locks one of the actor's own applications for this transaction; not_found for anyone else's. */
export async function lockOwnApplication(tx: Transaction, actor: Actor, applicationId: string): Promise<LockedApplication> {
  if (!isUuid(applicationId)) throw new AppError("not_found", `application ${applicationId}`);
  const [row] = await tx
    .select({
      id: applications.id,
      organizationId: applications.organizationId,
      status: applications.status,
      isRenewal: applications.isRenewal,
      sections: applications.sections,
    })
    .from(applications)
    .where(and(eq(applications.id, applicationId), memberScope(actor)))
    .for("update");
  if (!row) throw new AppError("not_found", `application ${applicationId}`);
  return { ...row, sections: row.sections as ApplicationSections };
}

export type InformationRequest = { message: string | null; sections: SectionId[]; at: Date };

/** The secretariat's latest request_info: its question and the sections it reopened. */
export async function latestInformationRequest(executor: Executor, applicationId: string): Promise<InformationRequest | null> {
  const [row] = await executor
    .select({ message: applicationHistory.message, data: applicationHistory.data, at: applicationHistory.createdAt })
    .from(applicationHistory)
    .where(and(eq(applicationHistory.applicationId, applicationId), eq(applicationHistory.toStatus, "info_requested")))
    .orderBy(desc(applicationHistory.createdAt))
    .limit(1);
  if (!row) return null;
  const listed = Array.isArray(row.data?.sections) ? (row.data.sections as unknown[]) : [];
  return { message: row.message, sections: SECTION_IDS.filter((id) => listed.includes(id)), at: row.at };
}

export type Editable = { sections: FormSectionId[]; documents: boolean };

/** A draft is open everywhere; during an information request only the sections the secretariat named. */
export function editableParts(status: ApplicationStatus, isRenewal: boolean, request: InformationRequest | null): Editable {
  if (status === "draft") return { sections: requiredFormSections(isRenewal), documents: true };
  if (status === "info_requested" && request) {
    return {
      sections: requiredFormSections(isRenewal).filter((id) => (request.sections as string[]).includes(id)),
      documents: request.sections.includes("documents"),
    };
  }
  return { sections: [], documents: false };
}

export async function editablePartsOf(executor: Executor, application: LockedApplication): Promise<Editable> {
  const request = application.status === "info_requested" ? await latestInformationRequest(executor, application.id) : null;
  return editableParts(application.status, application.isRenewal, request);
}

export async function uploadedKinds(executor: Executor, applicationId: string): Promise<DocumentKind[]> {
  const rows = await executor.select({ kind: documents.kind }).from(documents).where(eq(documents.applicationId, applicationId));
  return rows.map((row) => row.kind);
}
