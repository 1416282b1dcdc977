"use client";

import { type ReactNode, useActionState } from "react";
import { type ActionState, type FormAction, idle } from "@/lib/action-state";
import { FormFeedback } from "./form-feedback";

/** The ids and flags a form sends back unchanged; the action re-checks each against the signed-in user. */
export function HiddenFields({ values }: { values?: Record<string, string> }) {
  return Object.entries(values ?? {}).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
}

type Props = {
  action: FormAction;
  hidden?: Record<string, string>;
  /** Field name → visible label, for the error summary's lines. */
  labels?: Record<string, string>;
  className?: string;
  /** The fields and the submit button, given the last answer (to keep what was typed) and whether it is on its way. */
  children: (form: { state: ActionState; pending: boolean }) => ReactNode;
};

/** A form posting to a server action, with its answer (error summary or outcome) at the top. */
export function ActionForm({ action, hidden, labels, className = "space-y-3", children }: Props) {
  const [state, formAction, pending] = useActionState(action, idle);
  return (
    <form action={formAction} className={className} noValidate>
      <FormFeedback state={state} labels={labels} />
      <HiddenFields values={hidden} />
      {children({ state, pending })}
    </form>
  );
}
