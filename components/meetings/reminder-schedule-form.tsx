"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FieldError, FormMessage, inputClass, SubmitButton } from "@/components/ui/form";
import { type ActionState, type FormValues, idle } from "@/lib/action-state";
import { REMINDER_FORM_FIELDS } from "@/lib/reminder-schedule";

type FormAction = (state: ActionState, formData: FormData) => Promise<ActionState>;

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
            <div key={name} className="space-y-1">
              <label htmlFor={`reminders-${name}`} className="block font-medium">
                {t(`field.${name}`)}
              </label>
              <p id={`reminders-${name}-hint`} className="text-sm text-slate-700">
                {t(list ? "hint.dayList" : "hint.days")}
              </p>
              <input
                id={`reminders-${name}`}
                name={name}
                type="text"
                inputMode={list ? "text" : "numeric"}
                autoComplete="off"
                maxLength={40}
                required={!list}
                defaultValue={values[name] ?? ""}
                aria-invalid={errors[name] ? true : undefined}
                aria-describedby={`reminders-${name}-hint reminders-${name}-error`}
                className={inputClass}
              />
              <FieldError id={`reminders-${name}-error`} message={errors[name]} />
            </div>
          );
        })}
      </div>
      <SubmitButton pending={pending}>{t("save")}</SubmitButton>
    </form>
  );
}
