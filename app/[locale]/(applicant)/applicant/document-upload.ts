import "server-only";
import { revalidatePath } from "next/cache";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { DocumentRejectedError, uploadDocument } from "@/db/queries/documents";
import type { ActionState } from "@/lib/server/action";
import type { Actor } from "@/lib/actor";
import { DOCUMENT_KINDS, type Locale } from "@/lib/domain";
import { cleanFileName } from "@/lib/file-name";
import { toLocale } from "@/lib/i18n/messages";
import { readUploadField } from "@/lib/upload-field";

export const documentUploadInput = z.object({ applicationId: z.string().trim().min(1, { error: "required" }), kind: z.enum(DOCUMENT_KINDS) });

/**
 * The upload form's work, shared by its server action (a form posted without JavaScript) and the
 * route handler the page uploads to with progress: the same checks, data-layer call and messages.
 * `locale` names the answer's language where the request's address has none (the route handler).
 * Other failures (not found, closed for documents) are thrown for the caller to answer.
 */
export async function receiveDocument(
  actor: Actor,
  { applicationId, kind }: z.infer<typeof documentUploadInput>,
  formData: FormData,
  locale?: Locale,
): Promise<ActionState> {
  const language = locale ?? toLocale(await getLocale());
  const [t, tErrors] = await Promise.all([
    getTranslations({ locale: language, namespace: "ApplicantDocuments" }),
    getTranslations({ locale: language, namespace: "Errors" }),
  ]);
  // As on every form: the reason at the field it concerns, and above the form only the general notice.
  const refused = (reason: string): ActionState => ({ status: "error", message: tErrors("invalid"), fieldErrors: { file: reason } });
  const field = readUploadField(formData);
  if ("problem" in field) {
    if (field.problem === "one_file") return refused((await getTranslations({ locale: language, namespace: "UploadRules" }))("oneFile"));
    return refused(field.problem === "too_large" ? t("rejected.too_large") : t("chooseFile"));
  }
  const { file } = field;
  try {
    await uploadDocument(actor, applicationId, kind, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  } catch (error) {
    if (error instanceof DocumentRejectedError) return refused(t(`rejected.${error.reason}`));
    throw error;
  }
  revalidatePath(`/${language}/applicant`, "layout");
  return { status: "success", message: t("uploaded", { file: cleanFileName(file.name) }) };
}
