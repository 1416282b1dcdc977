import { getFormatter, getTranslations } from "next-intl/server";
import { type Column, DataTable } from "@/components/ui/data-table";
import { ListPage } from "@/components/ui/list-page";
import { listMeetings } from "@/db/queries/meetings";
import { Link } from "@/components/ui/link";
import { can } from "@/lib/permissions";
import { requirePageActor } from "@/lib/server/session";
import { setPageLocale } from "@/lib/i18n/page-locale";
import { titleMetadata } from "@/lib/i18n/title-metadata";
import { meetingDays } from "../format";

export const generateMetadata = titleMetadata("Meetings");

export default async function MeetingsPage({ params }: PageProps<"/[locale]/secretariat/meetings">) {
  await setPageLocale(params);
  const actor = await requirePageActor("secretariat:access", "/secretariat/meetings");
  const [t, tCountry, format, meetings] = await Promise.all([getTranslations("Meetings"), getTranslations("Country"), getFormatter(), listMeetings(actor)]);
  const date = (instant: Date | null) => (instant ? format.dateTime(instant, { dateStyle: "medium" }) : t("notSet"));
  const columns: Column<(typeof meetings)[number]>[] = [
    {
      key: "edition",
      header: t("edition"),
      rowHeader: true,
      cell: (meeting) => (
        <>
          <Link href={`/secretariat/meetings/${meeting.id}`} className="font-medium text-brand-800 underline">
            {t("meeting", { number: meeting.number })}
          </Link>
          <span className="block text-slate-600">{[meeting.city, tCountry(meeting.hostCountry)].filter(Boolean).join(", ")}</span>
        </>
      ),
    },
    { key: "dates", header: t("dates"), cell: (meeting) => meetingDays(format, meeting) ?? t("notSet") },
    {
      key: "window",
      header: t("window"),
      cell: (meeting) => (
        <>
          <span className="block font-medium">{t(`state.${meeting.windowState}`)}</span>
          {meeting.applicationOpensAt && meeting.applicationClosesAt && (
            <span className="block text-slate-600">
              {format.dateTimeRange(meeting.applicationOpensAt, meeting.applicationClosesAt, { dateStyle: "medium" })}
            </span>
          )}
        </>
      ),
    },
    { key: "nominationDeadline", header: t("field.nominationDeadlineOn"), cell: (meeting) => date(meeting.nominationDeadline) },
    { key: "quotas", header: t("quotas"), cell: (meeting) => t("quotaValues", { participant: meeting.participantQuota, observer: meeting.observerQuota }) },
    {
      key: "delegates",
      header: t("delegates"),
      cell: (meeting) => (
        <Link
          href={`/secretariat/meetings/${meeting.id}/delegates`}
          aria-label={t("delegatesOf", { number: meeting.number })}
          className="text-brand-800 underline"
        >
          {t("delegates")}
        </Link>
      ),
    },
  ];
  return (
    <ListPage
      title={t("title")}
      lead={t("lead")}
      action={
        can(actor.role, "meeting:manage") && (
          <Link href="/secretariat/meetings/new" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
            {t("new")}
          </Link>
        )
      }
    >
      <DataTable caption={t("tableCaption")} columns={columns} rows={meetings} rowKey={(meeting) => meeting.id} empty={t("empty")} rowTestId="meeting-row" />
    </ListPage>
  );
}
