import "server-only";
import { createHash } from "node:crypto";
import { and, eq, exists, ne, sql } from "drizzle-orm";
import { type Actor, assertCan } from "@/lib/actor";
import { type ApplicationSections, completedSections } from "@/lib/application-sections";
import { documentStorage } from "@/lib/server/document-storage";
import { DOCUMENT_KINDS, type DocumentKind } from "@/lib/domain";
import { AppError } from "@/lib/errors";
import { cleanFileName } from "@/lib/file-name";
import { type ContentRefusal, judgeFileContent, MAX_DOCUMENT_BYTES } from "@/lib/file-type";
import { can } from "@/lib/permissions";
import { getDb, type Transaction } from "../client";
import { applications, consultations, documents } from "../schema";
import { recordAudit } from "./audit";
import { editablePartsOf, isUuid, lockOwnApplication, memberScope, uploadedKinds, type LockedApplication } from "./own-application-access";

export type DocumentRejection = "empty" | "too_large" | ContentRefusal;

/** A file refused for its content or size; nothing was stored. */
export class DocumentRejectedError extends AppError {
  constructor(readonly reason: DocumentRejection) {
    super("invalid", `document rejected: ${reason}`);
    this.name = "DocumentRejectedError";
  }
}

export type UploadedFile = { name: string; bytes: Uint8Array };

function isDocumentKind(value: string): value is DocumentKind {
  return (DOCUMENT_KINDS as readonly string[]).includes(value);
}

async function lockForDocuments(tx: Transaction, actor: Actor, applicationId: string): Promise<LockedApplication> {
  const application = await lockOwnApplication(tx, actor, applicationId);
  if (!(await editablePartsOf(tx, application)).documents) throw new AppError("conflict", `documents are closed in ${application.status}`);
  return application;
}

async function refreshCompleted(tx: Transaction, application: LockedApplication): Promise<void> {
  await tx
    .update(applications)
    .set({ completedSections: completedSections(application.sections as ApplicationSections, await uploadedKinds(tx, application.id)), updatedAt: new Date() })
    .where(eq(applications.id, application.id));
}

async function removeExisting(tx: Transaction, applicationId: string, kind: DocumentKind): Promise<boolean> {
  const [existing] = await tx
    .delete(documents)
    .where(and(eq(documents.applicationId, applicationId), eq(documents.kind, kind)))
    .returning({ storageKey: documents.storageKey });
  if (existing) await documentStorage().remove(tx, existing.storageKey);
  return Boolean(existing);
}

/**
 * Stores (or replaces) one document of an application open for documents. The type is
 * judged by the file's content (first bytes, and a PDF's structure); a refused file leaves the
 * application as it was.
 */
export async function uploadDocument(actor: Actor | null, applicationId: string, kind: string, file: UploadedFile): Promise<{ id: string }> {
  assertCan(actor, "application:edit-own");
  if (!isDocumentKind(kind)) throw new AppError("invalid", `document kind ${kind}`);
  if (file.bytes.length === 0) throw new DocumentRejectedError("empty");
  if (file.bytes.length > MAX_DOCUMENT_BYTES) throw new DocumentRejectedError("too_large");
  const content = judgeFileContent(file.bytes);
  if ("refusal" in content) throw new DocumentRejectedError(content.refusal);
  const contentType = content.type;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const application = await lockForDocuments(tx, actor, applicationId);
    const replaced = await removeExisting(tx, application.id, kind);
    const storageKey = await documentStorage().put(tx, file.bytes);
    const [row] = await tx
      .insert(documents)
      .values({
        applicationId: application.id,
        kind,
        fileName: cleanFileName(file.name),
        contentType,
        size: file.bytes.length,
        sha256: createHash("sha256").update(file.bytes).digest("hex"),
        storageKey,
        uploadedById: actor.id,
      })
      .returning({ id: documents.id });
    await refreshCompleted(tx, application);
    await recordAudit(tx, {
      actorId: actor.id,
      action: replaced ? "document.replace" : "document.upload",
      targetType: "application",
      targetId: application.id,
      data: { kind },
    });
    return { id: row!.id };
  });
}

export async function removeDocument(actor: Actor | null, applicationId: string, kind: string): Promise<void> {
  assertCan(actor, "application:edit-own");
  if (!isDocumentKind(kind)) throw new AppError("invalid", `document kind ${kind}`);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const application = await lockForDocuments(tx, actor, applicationId);
    if (!(await removeExisting(tx, application.id, kind))) throw new AppError("not_found", `document ${kind}`);
    await refreshCompleted(tx, application);
    await recordAudit(tx, { actorId: actor.id, action: "document.remove", targetType: "application", targetId: application.id, data: { kind } });
  });
}

export type DocumentDownload = { fileName: string; contentType: string; bytes: Uint8Array };

/**
 * The bytes of a document, for members of its organization, for staff, and for the member states'
 * focal points when the secretariat shares it during the application's consultation; null for anyone else.
 * Staff see an application's documents once it is submitted: a draft is the organization's own.
 */
export async function openDocument(actor: Actor | null, documentId: string): Promise<DocumentDownload | null> {
  if (!actor) throw new AppError("unauthenticated");
  const staff = can(actor.role, "application:read-any");
  const focalPoint = can(actor.role, "consultation:answer");
  if (!staff && !focalPoint) assertCan(actor, "application:read-own");
  if (!isUuid(documentId)) return null;
  const db = await getDb();
  const reachable = staff
    ? ne(applications.status, "draft")
    : focalPoint
      ? and(
          eq(documents.sharedWithStates, true),
          exists(
            db
              .select({ one: sql`1` })
              .from(consultations)
              .where(eq(consultations.applicationId, applications.id)),
          ),
        )
      : memberScope(actor);
  const [row] = await db
    .select({ fileName: documents.fileName, contentType: documents.contentType, storageKey: documents.storageKey })
    .from(documents)
    .innerJoin(applications, eq(applications.id, documents.applicationId))
    .where(and(eq(documents.id, documentId), reachable));
  if (!row) return null;
  const bytes = await documentStorage().get(db, row.storageKey);
  return bytes ? { fileName: row.fileName, contentType: row.contentType, bytes } : null;
}

/** The secretariat shares a submitted application's document with the member states' focal points, or stops sharing it (audited). */
export async function shareDocumentWithStates(actor: Actor | null, input: { applicationId: string; documentId: string; shared: boolean }): Promise<void> {
  assertCan(actor, "document:share");
  if (!isUuid(input.applicationId) || !isUuid(input.documentId)) throw new AppError("invalid");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(documents)
      .set({ sharedWithStates: input.shared })
      .where(
        and(
          eq(documents.id, input.documentId),
          eq(documents.applicationId, input.applicationId),
          exists(
            tx
              .select({ one: sql`1` })
              .from(applications)
              .where(and(eq(applications.id, input.applicationId), ne(applications.status, "draft"))),
          ),
        ),
      )
      .returning({ kind: documents.kind });
    if (updated.length === 0) throw new AppError("not_found");
    await recordAudit(tx, {
      actorId: actor.id,
      action: input.shared ? "document.share" : "document.unshare",
      targetType: "application",
      targetId: input.applicationId,
      data: { kind: updated[0]!.kind },
    });
  });
}
