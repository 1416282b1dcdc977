"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/form";
import type { FormAction, FormValues } from "@/lib/action-state";
import { REMINDER_FORM_FIELDS } from "@/lib/reminder-schedule";

const LIST_FIELDS: ReadonlySet<string> = new Set(["draftReminderDays", "nominationReminderDays"]);

/** A meeting's reminder schedule; after an error the form keeps what was typed, with each problem on its field. */
export function ReminderScheduleForm({ action, initial, hidden }: { action: FormAction; initial: FormValues; hidden: Record<string, string> }) {
  const t = useTranslations("MeetingReminders");
  const labels = Object.fromEntries(REMINDER_FORM_FIELDS.map((name) => [name, t(`field.${name}`)]));
  return (
    <ActionForm action={action} hidden={hidden} labels={labels} className="space-y-4">
      {({ state, pending }) => (
        <>
          <div className="grid gap-3 sm:grid-cols-2">
            {REMINDER_FORM_FIELDS.map((name) => {
              const list = LIST_FIELDS.has(name);
              return (
                <TextField
                  key={name}
                  id={`reminders-${name}`}
                  name={name}
                  label={labels[name]!}
                  hint={t(list ? "hint.dayList" : "hint.days")}
                  autoComplete="off"
                  required={!list}
                  defaultValue={(state.values ?? initial)[name] ?? ""}
                  error={state.fieldErrors?.[name]}
                  inputProps={{ inputMode: list ? "text" : "numeric", maxLength: 40 }}
                />
              );
            })}
          </div>
          <SubmitButton pending={pending}>{t("save")}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
