import { PageHeader } from "@/components/ui/page-header";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { MeetingForm } from "@/components/meetings/meeting-form";
import { ReminderScheduleForm } from "@/components/meetings/reminder-schedule-form";
import { getReminderSchedule } from "@/db/queries/meeting-reminders";
import { getMeeting } from "@/db/queries/meetings";
import { Link } from "@/components/ui/link";
import { can } from "@/lib/permissions";
import { requirePageActor } from "@/lib/server/session";
import { REMINDER_FORM_FIELDS } from "@/lib/reminder-schedule";
import { setPageLocale } from "@/lib/i18n/page-locale";
import { titleMetadata } from "@/lib/i18n/title-metadata";
import { updateMeetingAction, updateReminderScheduleAction } from "../actions";
import { meetingDays } from "../format";

export const generateMetadata = titleMetadata("Meetings");

export default async function MeetingPage({ params, searchParams }: PageProps<"/[locale]/secretariat/meetings/[id]">) {
  const locale = await setPageLocale(params);
  const { id } = await params;
  const actor = await requirePageActor("secretariat:access", `/secretariat/meetings/${id}`);
  const [t, tCountry, tReminders, tCredentials, tConsultation, format, meeting, reminders, query] = await Promise.all([
    getTranslations("Meetings"),
    getTranslations("Country"),
    getTranslations("MeetingReminders"),
    getTranslations("MeetingCredentials"),
    getTranslations("Consultation"),
    getFormatter(),
    getMeeting(actor, id),
    getReminderSchedule(actor, id),
    searchParams,
  ]);
  if (!meeting || !reminders) notFound();
  const done = query.created ? t("created") : query.saved ? t("saved") : query.reminders ? tReminders("saved") : null;
  const manages = can(actor.role, "meeting:manage");
  const date = (instant: Date | null) => (instant ? format.dateTime(instant, { dateStyle: "long" }) : t("notSet"));
  return (
    <section className="space-y-6">
      <PageHeader back={{ href: "/secretariat/meetings", label: t("back") }} title={t("meeting", { number: meeting.number })} />
      {done && (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-green-800">
          {done}
        </p>
      )}
      {manages ? (
        <MeetingForm
          action={updateMeetingAction}
          initial={meeting.values}
          hidden={{ meetingId: meeting.id, version: meeting.version }}
          submitLabel={t("save")}
        />
      ) : (
        <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]" data-testid="meeting-details">
          <dt className="font-medium">{t("field.hostCountry")}</dt>
          <dd>{[meeting.city, tCountry(meeting.hostCountry)].filter(Boolean).join(", ")}</dd>
          <dt className="font-medium">{t("dates")}</dt>
          <dd>{meetingDays(format, meeting) ?? t("notSet")}</dd>
          <dt className="font-medium">{t("window")}</dt>
          <dd>
            {t(`state.${meeting.windowState}`)}
            {meeting.applicationOpensAt && meeting.applicationClosesAt
              ? ` · ${format.dateTimeRange(meeting.applicationOpensAt, meeting.applicationClosesAt, { dateStyle: "long" })}`
              : ""}
          </dd>
          <dt className="font-medium">{t("field.nominationDeadlineOn")}</dt>
          <dd>{date(meeting.nominationDeadline)}</dd>
          <dt className="font-medium">{t("quotas")}</dt>
          <dd>{t("quotaValues", { participant: meeting.participantQuota, observer: meeting.observerQuota })}</dd>
          <dt className="font-medium">{t("consultationLabel")}</dt>
          <dd>{t("consultationValue", { days: meeting.consultationDays })}</dd>
          <dt className="font-medium">{tConsultation("ruleLabel")}</dt>
          <dd>{meeting.objectionThreshold ? tConsultation("ruleThreshold", { count: meeting.objectionThreshold }) : tConsultation("ruleAdvisory")}</dd>
        </dl>
      )}
      <section aria-labelledby="reminders-title" className="space-y-3">
        <h2 id="reminders-title" className="text-xl font-semibold">
          {tReminders("title")}
        </h2>
        <p>{tReminders("lead")}</p>
        {manages ? (
          <ReminderScheduleForm
            action={updateReminderScheduleAction}
            initial={reminders.values}
            hidden={{ meetingId: meeting.id, version: reminders.version }}
          />
        ) : (
          <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]" data-testid="reminder-schedule">
            {REMINDER_FORM_FIELDS.map((name) => (
              <div key={name} className="contents">
                <dt className="font-medium">{tReminders(`field.${name}`)}</dt>
                <dd>{reminders.values[name] || tReminders("none")}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>
      <ul className="space-y-2">
        <li>
          <Link href={`/secretariat/meetings/${meeting.id}/delegates`} className="text-brand-800 underline">
            {t("delegatesOf", { number: meeting.number })}
          </Link>
        </li>
        <li>
          <a href={`/api/secretariat/meetings/${meeting.id}/badges?layout=sheet&locale=${locale}`} className="text-brand-800 underline" download>
            {tCredentials("badgesSheet")}
          </a>
        </li>
        <li>
          <a href={`/api/secretariat/meetings/${meeting.id}/badges?layout=single&locale=${locale}`} className="text-brand-800 underline" download>
            {tCredentials("badgesSingle")}
          </a>
        </li>
        <li>
          <Link href={`/secretariat/meetings/${meeting.id}/check-in`} className="text-brand-800 underline">
            {tCredentials("checkIn")}
          </Link>
        </li>
        <li>
          <Link href={`/secretariat/meetings/${meeting.id}/attendance`} className="text-brand-800 underline">
            {tCredentials("attendance")}
          </Link>
        </li>
      </ul>
    </section>
  );
}
