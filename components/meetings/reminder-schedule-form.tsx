"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { TextField } from "@/components/ui/field";
import { FormMessage, SubmitButton } from "@/components/ui/form";
import { type FormAction, type FormValues, idle } from "@/lib/action-state";
import { REMINDER_FORM_FIELDS } from "@/lib/reminder-schedule";

const LIST_FIELDS: ReadonlySet<string> = new Set(["draftReminderDays", "nominationReminderDays"]);

/** A meeting's reminder schedule; after an error the form keeps what was typed, with each problem on its field. */
export function ReminderScheduleForm({ action, initial, hidden }: { action: FormAction; initial: FormValues; hidden: Record<string, string> }) {
  const t = useTranslations("MeetingReminders");
  const [state, formAction, pending] = useActionState(action, idle);
  const values = state.values ?? initial;
  const errors = state.fieldErrors ?? {};

  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage state={state} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="grid gap-3 sm:grid-cols-2">
        {REMINDER_FORM_FIELDS.map((name) => {
          const list = LIST_FIELDS.has(name);
          return (
            <TextField
              key={name}
              id={`reminders-${name}`}
              name={name}
              label={t(`field.${name}`)}
              hint={t(list ? "hint.dayList" : "hint.days")}
              autoComplete="off"
              required={!list}
              defaultValue={values[name] ?? ""}
              error={errors[name]}
              inputProps={{ inputMode: list ? "text" : "numeric", maxLength: 40 }}
            />
          );
        })}
      </div>
      <SubmitButton pending={pending}>{t("save")}</SubmitButton>
    </form>
  );
}
