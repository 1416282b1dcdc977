"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FileUpload } from "@/components/ui/file-upload";
import { FormMessage } from "@/components/ui/form";
import { useHydrated } from "@/components/ui/use-hydrated";
import { type ActionState, type FormAction, idle } from "@/lib/action-state";
import type { DocumentKind } from "@/lib/domain";
import { MAX_DOCUMENT_BYTES } from "@/lib/file-type";

type Props = {
  applicationId: string;
  kind: DocumentKind;
  label: string;
  required: boolean;
  current: { id: string; fileName: string; size: number } | null;
  editable: boolean;
  uploadAction: FormAction;
  removeAction: FormAction;
};

export function DocumentUpload({ applicationId, kind, label, required, current, editable, uploadAction, removeAction }: Props) {
  const t = useTranslations("ApplicantDocuments");
  const locale = useLocale();
  const hydrated = useHydrated();
  // Posted by the form itself only without JavaScript; with it, files go to the upload route.
  const [postedState, postUpload, posting] = useActionState(uploadAction, idle);
  const [removeState, remove, removing] = useActionState(removeAction, idle);
  const [uploadAnswer, setUploadAnswer] = useState<ActionState>(idle);
  const [latest, setLatest] = useState<"upload" | "remove">("upload");
  const uploadState = uploadAnswer.status === "idle" ? postedState : uploadAnswer;
  // Without JavaScript nothing sets `latest`: the answer the server rendered is the one that is not idle.
  const notice = latest === "remove" || (uploadState.status === "idle" && removeState.status !== "idle") ? removeState : uploadState;
  const headingId = `doc-${kind}`;
  const fields = { applicationId, kind };
  const size = current && t("size", { kb: Math.max(1, Math.round(current.size / 1024)) });
  const removeForm = current && (
    <form action={remove} onSubmit={() => setLatest("remove")}>
      <input type="hidden" name="applicationId" value={applicationId} />
      <input type="hidden" name="kind" value={kind} />
      {hydrated ? (
        <ConfirmDialog
          label={t("remove", { document: label })}
          title={t("removeTitle", { document: label })}
          confirmLabel={t("removeConfirm")}
          cancelLabel={t("removeCancel")}
          describe={() => <p>{t("removeSummary", { file: current.fileName })}</p>}
          pending={removing}
          tone="danger"
        />
      ) : (
        <button type="submit" className="min-h-11 rounded-md border border-red-700 px-4 py-2 font-semibold text-red-800">
          {t("remove", { document: label })}
        </button>
      )}
    </form>
  );
  return (
    <section aria-labelledby={headingId} className="space-y-2 rounded-lg border border-slate-200 p-4">
      <h2 id={headingId} className="text-lg font-semibold">
        {label} <span className="text-sm font-normal text-slate-600">({required ? t("required") : t("optional")})</span>
      </h2>
      <FormMessage state={notice} />
      {editable ? (
        <FileUpload
          id={`file-${kind}`}
          label={current ? t("replace", { document: label }) : t("choose", { document: label })}
          hint={t("hint")}
          accept="application/pdf,image/png,image/jpeg"
          maxBytes={MAX_DOCUMENT_BYTES}
          uploadUrl={`/api/applications/${encodeURIComponent(applicationId)}/documents/${kind}?locale=${locale}`}
          fallback={{ action: postUpload, fields, submitLabel: t("upload", { document: label }), pending: posting }}
          error={latest === "upload" ? uploadState.fieldErrors?.file : undefined}
          current={current && { name: current.fileName, href: `/api/documents/${current.id}`, size: size!, actions: removeForm }}
          text={{
            current: t("current"),
            none: t("none"),
            progressLabel: t("progressLabel", { document: label }),
            progress: (percent) => t("progress", { percent }),
            cancel: t("cancel"),
            tooLarge: t("rejected.too_large"),
            uploadFailed: t("uploadFailed"),
            offline: t("offline"),
          }}
          onStart={() => {
            setLatest("upload");
            setUploadAnswer(idle);
          }}
          onAnswer={setUploadAnswer}
        />
      ) : current ? (
        <p className="break-all">
          {t("current")}{" "}
          <a href={`/api/documents/${current.id}`} className="text-brand-800 underline">
            {current.fileName}
          </a>{" "}
          <span className="text-sm text-slate-600">({size})</span>
        </p>
      ) : (
        <p className="text-slate-700">{t("none")}</p>
      )}
    </section>
  );
}
