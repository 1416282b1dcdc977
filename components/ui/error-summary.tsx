"use client";

import { useTranslations } from "next-intl";
import { type MouseEvent, useEffect, useId, useRef } from "react";

type Props = {
  /** Field name → message, in the form's order (as the action returns them). */
  errors: Record<string, string>;
  /** The field's visible label, so "This field is required" says which field. */
  label?: (field: string) => string | undefined;
  /** The same, as a map (for server components, which cannot pass a function). */
  labels?: Record<string, string>;
  /** What went wrong as a whole, when it says more than "check the fields". */
  description?: string;
  /** Take the focus when errors appear (off only where the summary is shown as a sample). */
  focus?: boolean;
};

/**
 * The element a field's error link should land on: the control itself, or the first of its group,
 * looked up in the summary's own form first, since a page may hold several forms with the same field names.
 */
function fieldElement(form: HTMLFormElement | null | undefined, field: string): HTMLElement | null {
  const named = form?.elements.namedItem(field);
  if (named instanceof RadioNodeList) return (named[0] as HTMLElement | undefined) ?? null;
  if (named instanceof HTMLElement) return named;
  return document.getElementById(field) ?? document.querySelector<HTMLElement>(`[name="${CSS.escape(field)}"]`);
}

/**
 * GOV.UK's error summary: every error of the form as a link to its field, at the top of the form,
 * focused when it appears so a phone scrolls to it and a screen reader reads it first.
 */
export function ErrorSummary({ errors, label, labels, description, focus = true }: Props) {
  const t = useTranslations("UI");
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const entries = Object.entries(errors).filter(([field]) => field !== "form");

  useEffect(() => {
    if (focus && Object.keys(errors).some((field) => field !== "form")) ref.current?.focus();
  }, [errors, focus]);

  if (entries.length === 0) return null;

  function goTo(event: MouseEvent<HTMLAnchorElement>, field: string) {
    const target = fieldElement(ref.current?.closest("form"), field);
    if (!target) return;
    event.preventDefault();
    // The label or legend above the field stays in view, as GOV.UK's summary does.
    const context = target.closest("fieldset") ?? document.querySelector(`label[for="${CSS.escape(target.id)}"]`) ?? target;
    context.scrollIntoView({ block: "start" });
    target.focus({ preventScroll: true });
  }

  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby={titleId}
      className="rounded-md border-4 border-red-700 p-4 outline-none focus:ring-4 focus:ring-amber-400"
    >
      <h2 id={titleId} className="text-lg font-semibold text-red-800">
        {t("errorSummaryTitle")}
      </h2>
      {description && <p className="mt-2">{description}</p>}
      <ul className="mt-2 space-y-1">
        {entries.map(([field, message]) => {
          const name = label?.(field) ?? labels?.[field];
          return (
            <li key={field}>
              <a href={`#${field}`} onClick={(event) => goTo(event, field)} className="inline-block min-h-6 py-1 font-medium text-red-800 underline">
                {name ? t("errorSummaryItem", { field: name, message }) : message}
              </a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
