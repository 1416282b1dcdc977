import { z } from "zod";
import { DEFAULT_CONSULTATION_DAYS } from "./consultation";
import { CSM_COUNTRIES } from "./domain";
import { singleLineText } from "./text-input";

/**
 * Window and deadline dates are entered as days and read in the portal's time zone
 * (lib/i18n/request.ts formats every date in America/Lima, which keeps UTC-5 all year):
 * a window opens at the first instant of its first day and closes at the last of its last.
 */
export const PORTAL_TIME_ZONE = "America/Lima";
const PORTAL_OFFSET = "-05:00";

export const startOfDay = (day: string) => new Date(`${day}T00:00:00.000${PORTAL_OFFSET}`);
export const endOfDay = (day: string) => new Date(`${day}T23:59:59.999${PORTAL_OFFSET}`);
/** The portal-time day (YYYY-MM-DD) of an instant, for the form's date fields. */
export const dayOf = (instant: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: PORTAL_TIME_ZONE }).format(instant);

const day = z.iso.date({ error: "MeetingValidation.date" });
/** A whole number of seats as typed: digits only ("1e1" is not a quota, though Number() reads it as 10). */
const quota = z
  .union(
    [
      z.number(),
      z
        .string()
        .trim()
        .regex(/^\d{1,2}$/, { error: "MeetingValidation.quota" }),
    ],
    { error: "MeetingValidation.quota" },
  )
  .pipe(
    z.coerce
      .number<string | number>()
      .int({ error: "MeetingValidation.quota" })
      .min(1, { error: "MeetingValidation.quota" })
      .max(20, { error: "MeetingValidation.quota" }),
  );

/** Days the member states have to answer once an application of the meeting is recommended; a form without the field keeps the default. */
const consultationDays = z.preprocess(
  (value) => value ?? DEFAULT_CONSULTATION_DAYS,
  z
    .union(
      [
        z.number(),
        z
          .string()
          .trim()
          .regex(/^\d{1,2}$/, { error: "MeetingValidation.consultationDays" }),
      ],
      {
        error: "MeetingValidation.consultationDays",
      },
    )
    .pipe(
      z.coerce
        .number<string | number>()
        .int({ error: "MeetingValidation.consultationDays" })
        .min(1, { error: "MeetingValidation.consultationDays" })
        .max(60, { error: "MeetingValidation.consultationDays" }),
    ),
);

/** How many objections send an application to the plenary: empty (or absent) means objections are advisory. */
const objectionThreshold = z.preprocess(
  (value) => (value === undefined || value === "" ? null : value),
  z.union([
    z.null(),
    z
      .union(
        [
          z.number(),
          z
            .string()
            .trim()
            .regex(/^\d{1,2}$/, { error: "MeetingValidation.objectionThreshold" }),
        ],
        {
          error: "MeetingValidation.objectionThreshold",
        },
      )
      .pipe(
        z.coerce
          .number<string | number>()
          .int({ error: "MeetingValidation.objectionThreshold" })
          .min(1, { error: "MeetingValidation.objectionThreshold" })
          .max(12, { error: "MeetingValidation.objectionThreshold" }),
      ),
  ]),
);

const meetingFields = z.object({
  number: z
    .string({ error: "required" })
    .trim()
    .toUpperCase()
    .min(1, { error: "required" })
    .regex(/^[IVXLCDM]{1,12}$/, { error: "MeetingValidation.number" }),
  hostCountry: z.enum(CSM_COUNTRIES, { error: "required" }),
  city: singleLineText(100),
  startsOn: day,
  endsOn: day,
  applicationOpensOn: day,
  applicationClosesOn: day,
  nominationDeadlineOn: day,
  participantQuota: quota,
  observerQuota: quota,
  consultationDays,
  objectionThreshold,
});

/** Rules that span two fields, each reported on the field to fix. */
function checkDates(meeting: z.infer<typeof meetingFields>, context: z.RefinementCtx): void {
  const issue = (path: string, message: string) => context.addIssue({ code: "custom", path: [path], message });
  if (meeting.endsOn < meeting.startsOn) issue("endsOn", "MeetingValidation.endsBeforeStart");
  if (meeting.applicationClosesOn <= meeting.applicationOpensOn) issue("applicationClosesOn", "MeetingValidation.windowOrder");
  if (meeting.nominationDeadlineOn >= meeting.startsOn) issue("nominationDeadlineOn", "MeetingValidation.nominationAfterStart");
}

/** An edition of the CSM as the admin enters it. */
export const meetingSchema = meetingFields.superRefine(checkDates);
/** The edit form: the same fields, the edition and the version the form was filled from. */
export const meetingEditSchema = meetingFields.extend({ meetingId: z.uuid({ error: "invalid" }), version: z.string().min(1).max(40) }).superRefine(checkDates);
export type MeetingInput = z.infer<typeof meetingSchema>;

export const MEETING_FORM_FIELDS = [
  "number",
  "hostCountry",
  "city",
  "startsOn",
  "endsOn",
  "applicationOpensOn",
  "applicationClosesOn",
  "nominationDeadlineOn",
  "participantQuota",
  "observerQuota",
  "consultationDays",
  "objectionThreshold",
] as const;
