import { getFormatter, getTranslations } from "next-intl/server";
import { listMeetings } from "@/db/queries/meetings";
import { Link } from "@/lib/i18n/navigation";
import { can } from "@/lib/permissions";
import { requirePageActor } from "@/lib/session";
import { setPageLocale } from "@/lib/i18n/page-locale";
import { titleMetadata } from "@/lib/i18n/title-metadata";
import { meetingDays } from "./format";

export const generateMetadata = titleMetadata("Meetings");

export default async function MeetingsPage({ params }: PageProps<"/[locale]/secretariat/meetings">) {
  await setPageLocale(params);
  const actor = await requirePageActor("secretariat:access", "/secretariat/meetings");
  const [t, tCountry, format, meetings] = await Promise.all([
    getTranslations("Meetings"),
    getTranslations("Country"),
    getFormatter(),
    listMeetings(actor),
  ]);
  const date = (instant: Date | null) => (instant ? format.dateTime(instant, { dateStyle: "medium" }) : t("notSet"));
  return (
    <section className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        {can(actor.role, "meeting:manage") && (
          <Link href="/secretariat/meetings/new" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
            {t("new")}
          </Link>
        )}
      </div>
      <p className="text-slate-700">{t("lead")}</p>
      {meetings.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">{t("tableCaption")}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-3">
                  {t("edition")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("dates")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("window")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("field.nominationDeadlineOn")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("quotas")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("delegates")}
                </th>
              </tr>
            </thead>
            <tbody>
              {meetings.map((meeting) => (
                <tr key={meeting.id} className="border-b border-slate-100 align-top" data-testid="meeting-row">
                  <th scope="row" className="py-2 pr-3 font-normal">
                    <Link href={`/secretariat/meetings/${meeting.id}`} className="font-medium text-brand-800 underline">
                      {t("meeting", { number: meeting.number })}
                    </Link>
                    <span className="block text-slate-600">{[meeting.city, tCountry(meeting.hostCountry)].filter(Boolean).join(", ")}</span>
                  </th>
                  <td className="py-2 pr-3">{meetingDays(format, meeting) ?? t("notSet")}</td>
                  <td className="py-2 pr-3">
                    <span className="block font-medium">{t(`state.${meeting.windowState}`)}</span>
                    {meeting.applicationOpensAt && meeting.applicationClosesAt && (
                      <span className="block text-slate-600">
                        {format.dateTimeRange(meeting.applicationOpensAt, meeting.applicationClosesAt, { dateStyle: "medium" })}
                      </span>
                    )}
                  </td>
                  <td className="py-2 pr-3">{date(meeting.nominationDeadline)}</td>
                  <td className="py-2 pr-3">{t("quotaValues", { participant: meeting.participantQuota, observer: meeting.observerQuota })}</td>
                  <td className="py-2 pr-3">
                    <Link
                      href={`/secretariat/meetings/${meeting.id}/delegates`}
                      aria-label={t("delegatesOf", { number: meeting.number })}
                      className="text-brand-800 underline"
                    >
                      {t("delegates")}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
