"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { FieldError, SubmitButton } from "@/components/ui/form";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { ActionState } from "@/lib/action-state";

type Progress = { loaded: number; total: number };

type Props = {
  id: string;
  label: string;
  hint: string;
  accept: string;
  maxBytes: number;
  /** Where a chosen file is posted at once (multipart, field `file`); the answer is an ActionState as JSON. */
  uploadUrl: string;
  /** The form posted when the page's JavaScript has not run: a server action, its hidden fields and button. */
  fallback: { action: (formData: FormData) => void; fields: Record<string, string>; submitLabel: string; pending: boolean };
  /** The field's error, from the server's last answer. */
  error?: string;
  /** What is stored now, with what can be done to it (a remove form: it cannot sit inside this one). */
  current: { name: string; href: string; size: string; actions?: ReactNode } | null;
  text: {
    current: string;
    none: string;
    progressLabel: string;
    progress: (percent: number) => string;
    cancel: string;
    tooLarge: string;
    uploadFailed: string;
    offline: string;
  };
  /** Called as an upload starts, and with each answer: the server's, or the page's own refusal. */
  onStart?: () => void;
  onAnswer: (answer: ActionState) => void;
};

function readAnswer(xhr: XMLHttpRequest): ActionState | null {
  try {
    const answer = JSON.parse(xhr.responseText) as ActionState;
    return answer && (answer.status === "success" || answer.status === "error") ? answer : null;
  } catch {
    return null;
  }
}

/**
 * A file field that uploads the file as soon as it is chosen, showing how much was sent, for
 * people on slow phone connections. What is stored stays until the server accepts a new file, so a
 * refused or interrupted upload loses nothing. Without JavaScript it is a plain form with a button.
 */
export function FileUpload({ id, label, hint, accept, maxBytes, uploadUrl, fallback, error, current, text, onStart, onAnswer }: Props) {
  const router = useRouter();
  const hydrated = useHydrated();
  const input = useRef<HTMLInputElement>(null);
  const request = useRef<XMLHttpRequest | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);

  useEffect(() => () => request.current?.abort(), []);

  function finish(answer: ActionState | null) {
    request.current = null;
    setProgress(null);
    if (input.current) input.current.value = "";
    if (answer) onAnswer(answer);
    if (answer?.status === "success") router.refresh();
  }

  function refuse(message: string) {
    finish({ status: "error", fieldErrors: { file: message } });
  }

  function upload(file: File) {
    request.current?.abort();
    onStart?.();
    // Refused before sending, so a phone on a slow connection does not upload a file the server would refuse.
    if (file.size > maxBytes) return refuse(text.tooLarge);
    if (!navigator.onLine) return refuse(text.offline);
    const xhr = new XMLHttpRequest();
    request.current = xhr;
    xhr.open("POST", uploadUrl);
    xhr.upload.onprogress = (event) => {
      if (request.current === xhr) setProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : file.size });
    };
    xhr.onload = () => {
      if (request.current !== xhr) return;
      const answer = readAnswer(xhr);
      if (answer) finish(answer);
      else refuse(xhr.status === 413 ? text.tooLarge : text.uploadFailed);
    };
    xhr.onerror = () => {
      if (request.current === xhr) refuse(navigator.onLine ? text.uploadFailed : text.offline);
    };
    const body = new FormData();
    body.append("file", file);
    setProgress({ loaded: 0, total: file.size });
    xhr.send(body);
  }

  function cancel() {
    const xhr = request.current;
    request.current = null;
    xhr?.abort();
    finish(null);
    input.current?.focus();
  }

  const percent = progress && progress.total > 0 ? Math.min(100, Math.floor((progress.loaded / progress.total) * 100)) : 0;
  return (
    <div className="space-y-3">
      {current ? (
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <p className="break-all">
            {text.current}{" "}
            <a href={current.href} className="inline-flex min-h-11 items-center text-brand-800 underline">
              {current.name}
            </a>{" "}
            <span className="text-sm text-slate-600">({current.size})</span>
          </p>
          {current.actions}
        </div>
      ) : (
        <p className="text-slate-700">{text.none}</p>
      )}
      <form action={fallback.action} className="space-y-2">
        {Object.entries(fallback.fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <label htmlFor={id} className="block font-medium">
          {label}
        </label>
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
        <input
          ref={input}
          id={id}
          name="file"
          type="file"
          accept={accept}
          aria-describedby={`${id}-hint ${id}-error`}
          aria-invalid={error ? true : undefined}
          className="block min-h-11 w-full text-base file:mr-3 file:min-h-11 file:rounded-md file:border file:border-brand-700 file:bg-white file:px-4 file:py-2 file:font-semibold file:text-brand-800"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            if (file && hydrated) upload(file);
          }}
        />
        {progress && (
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
            <progress aria-label={text.progressLabel} value={progress.loaded} max={progress.total || 1} className="h-3 w-full max-w-sm" />
            <button type="button" onClick={cancel} className="min-h-11 rounded-md border border-slate-400 bg-white px-4 py-2 font-semibold text-brand-800">
              {text.cancel}
            </button>
          </div>
        )}
        {/* Present before any upload so screen readers follow it; in steps of ten, not every few bytes. */}
        <p aria-live="polite" className="text-sm empty:hidden">
          {progress ? text.progress(Math.floor(percent / 10) * 10) : ""}
        </p>
        <FieldError id={`${id}-error`} message={error} />
        {!hydrated && <SubmitButton pending={fallback.pending}>{fallback.submitLabel}</SubmitButton>}
      </form>
    </div>
  );
}
