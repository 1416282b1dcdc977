"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { FieldError, FormMessage, SubmitButton } from "@/components/ui/form";
import { type FormAction, idle } from "@/lib/action-state";
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
  const [state, uploadFormAction, uploading] = useActionState(uploadAction, idle);
  const [removeState, removeFormAction, removing] = useActionState(removeAction, idle);
  // Refused before sending, so a phone on a slow connection does not upload a file the server would refuse.
  const [tooLarge, setTooLarge] = useState(false);
  const tooLargeMessage = t("rejected.too_large");
  const inputId = `file-${kind}`;
  const headingId = `doc-${kind}`;
  return (
    <section aria-labelledby={headingId} className="space-y-2 rounded-lg border border-slate-200 p-4">
      <h2 id={headingId} className="text-lg font-semibold">
        {label} <span className="text-sm font-normal text-slate-600">({required ? t("required") : t("optional")})</span>
      </h2>
      {current ? (
        <p className="break-all">
          {t("current")}{" "}
          <a href={`/api/documents/${current.id}`} className="text-brand-800 underline">
            {current.fileName}
          </a>{" "}
          <span className="text-sm text-slate-600">({t("size", { kb: Math.max(1, Math.round(current.size / 1024)) })})</span>
        </p>
      ) : (
        <p className="text-slate-700">{t("none")}</p>
      )}
      {editable && (
        <>
          <form action={uploadFormAction} className="space-y-2">
            <FormMessage state={state} />
            <input type="hidden" name="applicationId" value={applicationId} />
            <input type="hidden" name="kind" value={kind} />
            <label htmlFor={inputId} className="block font-medium">
              {current ? t("replace", { document: label }) : t("choose", { document: label })}
            </label>
            <p id={`${inputId}-hint`} className="text-sm text-slate-600">
              {t("hint")}
            </p>
            <input
              id={inputId}
              name="file"
              type="file"
              accept="application/pdf,image/png,image/jpeg"
              aria-describedby={`${inputId}-hint ${inputId}-error`}
              aria-invalid={tooLarge || state.fieldErrors?.file ? true : undefined}
              className="block w-full text-sm"
              onChange={(event) => {
                const file = event.currentTarget.files?.[0];
                const refused = Boolean(file && file.size > MAX_DOCUMENT_BYTES);
                event.currentTarget.setCustomValidity(refused ? tooLargeMessage : "");
                setTooLarge(refused);
              }}
            />
            <FieldError id={`${inputId}-error`} message={tooLarge ? tooLargeMessage : state.fieldErrors?.file} />
            <SubmitButton pending={uploading}>{t("upload", { document: label })}</SubmitButton>
          </form>
          {current && (
            <form action={removeFormAction}>
              <FormMessage state={removeState} />
              <input type="hidden" name="applicationId" value={applicationId} />
              <input type="hidden" name="kind" value={kind} />
              <button type="submit" disabled={removing} className="rounded-md border border-red-700 px-3 py-1 text-red-800">
                {t("remove", { document: label })}
              </button>
            </form>
          )}
        </>
      )}
    </section>
  );
}
