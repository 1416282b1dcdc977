"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/components/ui/form";
import { type ActionState, idle } from "@/lib/action-state";

type FormAction = (state: ActionState, formData: FormData) => Promise<ActionState>;

/** Queues one dead message again (the id is checked again by the data layer: only a dead message can be retried). */
export function RetryDeliveryForm({ action, id, label, subject }: { action: FormAction; id: string; label: string; subject: string }) {
  const [state, formAction, pending] = useActionState(action, idle);
  return (
    <form action={formAction} className="space-y-1">
      <FormMessage state={state} />
      <input type="hidden" name="id" value={id} />
      <SubmitButton pending={pending} aria-label={`${label}: ${subject}`}>
        {label}
      </SubmitButton>
    </form>
  );
}

export function RetryAllDeliveriesForm({ action, label }: { action: FormAction; label: string }) {
  const [state, formAction, pending] = useActionState(action, idle);
  return (
    <form action={formAction} className="space-y-2">
      <FormMessage state={state} />
      <SubmitButton pending={pending}>{label}</SubmitButton>
    </form>
  );
}
