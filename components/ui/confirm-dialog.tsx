"use client";

import { type ReactNode, useId, useRef, useState } from "react";

type Props = {
  /** The form's own submit button, which opens the dialog instead of submitting. */
  label: string;
  /** The button's accessible name where its visible label needs context (a row of a table). */
  accessibleLabel?: string;
  title: string;
  confirmLabel: string;
  cancelLabel: string;
  /** What will happen, from what the form holds now; null submits at once (the server then says what is missing). */
  describe: (data: FormData) => ReactNode | null;
  pending?: boolean;
  tone?: "primary" | "danger";
};

const buttonClass = "min-h-11 rounded-md px-4 py-2 font-semibold disabled:opacity-60";
const tones = { primary: "bg-brand-700 text-white hover:bg-brand-800", danger: "bg-red-700 text-white hover:bg-red-800" };

/**
 * A confirmation step for irreversible actions (decide, revoke, withdraw…): the button opens a
 * modal dialog that says what will happen; only its confirm button submits the enclosing form.
 */
export function ConfirmDialog({ label, accessibleLabel, title, confirmLabel, cancelLabel, describe, pending, tone = "primary" }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const [summary, setSummary] = useState<ReactNode>(null);
  const titleId = useId();

  function open() {
    const form = opener.current?.form;
    if (!form) return;
    const text = describe(new FormData(form));
    if (text === null) {
      form.requestSubmit();
      return;
    }
    setSummary(text);
    dialog.current?.showModal();
  }

  return (
    <>
      <button
        ref={opener}
        type="button"
        onClick={open}
        disabled={pending}
        aria-disabled={pending}
        aria-label={accessibleLabel}
        className={`${buttonClass} ${tones[tone]}`}
      >
        {label}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-slate-300 p-0 shadow-xl backdrop:bg-slate-900/50"
      >
        <div className="space-y-4 p-5">
          <h2 id={titleId} className="text-xl font-semibold">
            {title}
          </h2>
          <div className="space-y-2">{summary}</div>
          <div className="flex flex-wrap gap-3">
            <button type="submit" disabled={pending} onClick={() => dialog.current?.close()} className={`${buttonClass} ${tones[tone]}`}>
              {confirmLabel}
            </button>
            <button type="button" onClick={() => dialog.current?.close()} className={`${buttonClass} border border-slate-400 bg-white text-brand-800`}>
              {cancelLabel}
            </button>
          </div>
        </div>
      </dialog>
    </>
  );
}
