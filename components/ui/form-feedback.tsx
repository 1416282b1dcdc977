"use client";

import type { ActionState } from "@/lib/action-state";
import { ErrorSummary } from "./error-summary";
import { FormMessage } from "./form";

type Props = {
  state: ActionState;
  /** Field name → its visible label, so each summary line says which field is wrong. */
  labels?: Record<string, string>;
  label?: (field: string) => string | undefined;
};

/** A form's answer at its top: GOV.UK's error summary when fields are wrong, else the outcome message. */
export function FormFeedback({ state, labels, label }: Props) {
  const fieldErrors = state.fieldErrors ?? {};
  if (Object.keys(fieldErrors).some((field) => field !== "form")) {
    return <ErrorSummary errors={fieldErrors} labels={labels} label={label} description={state.message} />;
  }
  return <FormMessage state={state} />;
}
