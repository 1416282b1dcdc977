"use client";

import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/form";
import type { FormAction } from "@/lib/action-state";

/** Queues one dead message again (the id is checked again by the data layer: only a dead message can be retried). */
export function RetryDeliveryForm({ action, id, label, subject }: { action: FormAction; id: string; label: string; subject: string }) {
  return (
    <ActionForm action={action} hidden={{ id }} className="space-y-1">
      {({ pending }) => (
        <SubmitButton pending={pending} aria-label={`${label}: ${subject}`}>
          {label}
        </SubmitButton>
      )}
    </ActionForm>
  );
}

export function RetryAllDeliveriesForm({ action, label }: { action: FormAction; label: string }) {
  return (
    <ActionForm action={action} className="space-y-2">
      {({ pending }) => <SubmitButton pending={pending}>{label}</SubmitButton>}
    </ActionForm>
  );
}
