"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useActionState, useRef } from "react";
import { HiddenFields } from "@/components/ui/action-form";
import { SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/form";
import { FormFeedback } from "@/components/ui/form-feedback";
import { idle } from "@/lib/action-state";
import type { BadgeHolderCard, CheckInState } from "@/lib/credentials";
import { QrScanner } from "./qr-scanner";

type Props = {
  meetingId: string;
  days: string[];
  defaultDay: string;
  action: (previous: CheckInState, formData: FormData) => Promise<CheckInState>;
};

/** The entrance: a scanned badge (or its typed code) is submitted at once and its holder shown. */
export function CheckInForm({ meetingId, days, defaultDay, action }: Props) {
  const t = useTranslations("CheckIn");
  const format = useFormatter();
  const [state, formAction, pending] = useActionState<CheckInState, FormData>(action, idle);
  const form = useRef<HTMLFormElement>(null);
  const typed = state.status === "error" ? state.values : undefined;

  function submitScanned(text: string) {
    const field = form.current?.elements.namedItem("code");
    if (!(field instanceof HTMLInputElement)) return;
    field.value = text;
    form.current?.requestSubmit();
  }

  const dayLabel = (day: string) => format.dateTime(new Date(`${day}T12:00:00Z`), { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" });
  return (
    <div className="space-y-4">
      {state.card ? <HolderCard card={state.card} message={state.message ?? ""} /> : <FormFeedback state={state} labels={{ code: t("code"), day: t("day") }} />}
      <QrScanner onCode={submitScanned} disabled={pending} />
      <form ref={form} action={formAction} className="space-y-3" noValidate>
        <HiddenFields values={{ meetingId }} />
        <SelectField
          name="day"
          label={t("day")}
          defaultValue={typed?.day ?? defaultDay}
          options={days.map((day) => ({ value: day, label: dayLabel(day) }))}
          error={state.fieldErrors?.day}
        />
        <TextField
          name="code"
          label={t("code")}
          hint={t("codeHint")}
          defaultValue={typed?.code ?? ""}
          autoComplete="off"
          error={state.fieldErrors?.code}
          inputProps={{ autoCapitalize: "characters", spellCheck: false }}
        />
        <SubmitButton pending={pending}>{t("record")}</SubmitButton>
      </form>
    </div>
  );
}

const TONES: Record<string, string> = {
  arrived: "border-green-600 bg-green-50 text-green-900",
  already: "border-amber-500 bg-amber-50 text-amber-950",
};

/** Whose badge it was and what happened, large enough to read at arm's length. */
function HolderCard({ card, message }: { card: BadgeHolderCard; message: string }) {
  const t = useTranslations("CheckIn");
  const tCountry = useTranslations("Country");
  const tCategory = useTranslations("Category");
  return (
    <div
      role="alert"
      data-outcome={card.outcome}
      className={`space-y-2 rounded-lg border-2 p-4 ${TONES[card.outcome] ?? "border-red-600 bg-red-50 text-red-900"}`}
    >
      <p className="text-lg font-semibold">{message}</p>
      <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">{t("name")}</dt>
        <dd className="text-xl font-semibold">{card.name}</dd>
        <dt className="font-medium">{t("organization")}</dt>
        <dd>{card.organization}</dd>
        <dt className="font-medium">{t("country")}</dt>
        <dd>{tCountry((card.country ?? "regional") as "AR")}</dd>
        <dt className="font-medium">{t("category")}</dt>
        <dd>{card.category ? tCategory(card.category) : "—"}</dd>
        {card.nationality && (
          <>
            <dt className="font-medium">{t("nationality")}</dt>
            <dd>{card.nationality}</dd>
          </>
        )}
      </dl>
    </div>
  );
}
