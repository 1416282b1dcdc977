"use server";

import { revalidatePath } from "next/cache";
import { getLocale, getTranslations } from "next-intl/server";
import { updateReminderSchedule } from "@/db/queries/meeting-reminders";
import { createMeeting, MeetingConflictError, updateMeeting } from "@/db/queries/meetings";
import { type ActionState, type FormValues, formValues, protectedAction } from "@/lib/server/action";
import { redirect } from "@/lib/i18n/navigation";
import { meetingEditSchema, meetingSchema } from "@/lib/meeting-schema";
import { expirePublicMeetings } from "@/lib/server/public-cache";
import { reminderScheduleEditSchema } from "@/lib/reminder-schedule";

/** A taken number or an overlapping window is shown on the field to fix, with what was typed kept. */
async function conflictState(error: unknown, values: FormValues): Promise<ActionState> {
  if (!(error instanceof MeetingConflictError)) throw error;
  const t = await getTranslations("MeetingValidation");
  const message = error.reason === "numberTaken" ? t("numberTaken", { number: error.other ?? "" }) : t("windowOverlap", { meeting: error.other ?? "" });
  const field = error.reason === "numberTaken" ? "number" : "applicationOpensOn";
  return { status: "error", message, fieldErrors: { [field]: message }, values };
}

async function saved(id: string, created: boolean): Promise<never> {
  expirePublicMeetings();
  revalidatePath("/[locale]/secretariat/meetings", "layout");
  return redirect({ href: `/secretariat/meetings/${id}?${created ? "created" : "saved"}=1`, locale: await getLocale() });
}

export const createMeetingAction = protectedAction("meeting:manage", meetingSchema, async (actor, input, formData) => {
  let id: string;
  try {
    ({ id } = await createMeeting(actor, input));
  } catch (error) {
    return conflictState(error, formValues(formData));
  }
  return saved(id, true);
});

export const updateMeetingAction = protectedAction("meeting:manage", meetingEditSchema, async (actor, { meetingId, version, ...input }, formData) => {
  try {
    await updateMeeting(actor, meetingId, version, input);
  } catch (error) {
    return conflictState(error, formValues(formData));
  }
  return saved(meetingId, false);
});

export const updateReminderScheduleAction = protectedAction(
  "meeting:manage",
  reminderScheduleEditSchema,
  async (actor, { meetingId, version, ...schedule }) => {
    await updateReminderSchedule(actor, meetingId, version, schedule);
    revalidatePath("/[locale]/secretariat/meetings", "layout");
    return redirect({ href: `/secretariat/meetings/${meetingId}?reminders=1`, locale: await getLocale() });
  },
);
