"use client";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FileUpload } from "@/components/ui/file-upload";

export type InteractiveText = {
  confirm: { open: string; title: string; body: string; submit: string; back: string };
  upload: {
    label: string;
    hint: string;
    current: string;
    none: string;
    progressLabel: string;
    progress: string;
    cancel: string;
    tooLarge: string;
    uploadFailed: string;
    offline: string;
    submit: string;
  };
  uploadError: string;
};

const noop = () => {};

/** The client components of components/ui in their states, for the design page (nothing is saved). */
export function ConfirmSample({ text }: { text: InteractiveText }) {
  return (
    <form onSubmit={(event) => event.preventDefault()} className="space-y-2">
      <ConfirmDialog
        label={text.confirm.open}
        title={text.confirm.title}
        confirmLabel={text.confirm.submit}
        cancelLabel={text.confirm.back}
        describe={() => <p>{text.confirm.body}</p>}
      />
    </form>
  );
}

export function FileUploadSamples({ text }: { text: InteractiveText }) {
  const t = text.upload;
  const common = {
    label: t.label,
    hint: t.hint,
    accept: "application/pdf",
    maxBytes: 10 * 1024 * 1024,
    uploadUrl: "/api/health",
    fallback: { action: noop, fields: {}, submitLabel: t.submit, pending: false },
    text: { ...t, progress: (percent: number) => t.progress.replace("{percent}", String(percent)) },
    onAnswer: noop,
  };
  return (
    <div className="space-y-6">
      <FileUpload id="design-upload-empty" current={null} {...common} />
      <FileUpload id="design-upload-stored" current={{ name: "estatuto.pdf", href: "#design-upload-stored", size: "120 KB" }} {...common} />
      <FileUpload id="design-upload-error" current={null} error={text.uploadError} {...common} />
    </div>
  );
}
