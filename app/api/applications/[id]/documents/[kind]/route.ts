import { getTranslations } from "next-intl/server";
import { documentUploadInput, receiveDocument } from "@/app/[locale]/(applicant)/applicant/document-upload";
import { type ActionState, runProtected } from "@/lib/server/action";
import { AppError, type AppErrorCode } from "@/lib/errors";
import { toLocale } from "@/lib/i18n/messages";
import { can } from "@/lib/permissions";
import { isSameOriginPost } from "@/lib/request-guard";
import { getActor } from "@/lib/server/session";

type Params = { params: Promise<{ id: string; kind: string }> };

const OPERATION = "application:edit-own";
const HTTP_STATUS: Partial<Record<AppErrorCode, number>> = { unauthenticated: 401, forbidden: 403, not_found: 404, conflict: 409 };

function answer({ status, message, fieldErrors }: ActionState, httpStatus: number): Response {
  return Response.json({ status, message, fieldErrors }, { status: httpStatus, headers: { "Cache-Control": "no-store" } });
}

/**
 * The documents page's upload with progress (multipart, one `file` field): what the upload form's
 * server action does, answered as JSON in the language `?locale=` names. Server actions cannot
 * report how much of a request was sent; a request the browser sends itself can.
 */
export async function POST(request: Request, { params }: Params): Promise<Response> {
  const { id, kind } = await params;
  const locale = toLocale(new URL(request.url).searchParams.get("locale"));
  const t = await getTranslations({ locale, namespace: "Errors" });
  // Another site's page could post here with the user's cookies; a server action refuses that too.
  if (!isSameOriginPost(request.headers)) return answer({ status: "error", message: t("forbidden") }, 403);
  const actor = await getActor();
  if (!actor) return answer({ status: "error", message: t("unauthenticated") }, 401);
  if (!can(actor.role, OPERATION)) return answer({ status: "error", message: t("forbidden") }, 403);
  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    return answer({ status: "error", message: t("invalid") }, 400);
  }
  formData.set("applicationId", id);
  formData.set("kind", kind);
  let refusal: AppErrorCode | undefined;
  const state = await runProtected(
    OPERATION,
    documentUploadInput,
    async (...args: Parameters<typeof receiveDocument>) => {
      try {
        return await receiveDocument(...args);
      } catch (error) {
        if (error instanceof AppError) refusal = error.code;
        throw error;
      }
    },
    formData,
    locale,
  );
  if (state.status === "success") return answer(state, 200);
  return answer(state, (refusal && HTTP_STATUS[refusal]) ?? 400);
}
