import { PageHeader } from "@/components/ui/page-header";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { CheckInForm } from "@/components/check-in/check-in-form";
import { checkInMeeting } from "@/db/queries/attendance";
import { Link } from "@/components/ui/link";
import { setPageLocale } from "@/lib/i18n/page-locale";
import { titleMetadata } from "@/lib/i18n/title-metadata";
import { requirePageActor } from "@/lib/server/session";
import { recordArrivalAction } from "./actions";

export const generateMetadata = titleMetadata("CheckIn");

export default async function CheckInPage({ params }: PageProps<"/[locale]/secretariat/meetings/[id]/check-in">) {
  await setPageLocale(params);
  const { id } = await params;
  const actor = await requirePageActor("attendance:record", `/secretariat/meetings/${id}/check-in`);
  const entrance = await checkInMeeting(actor, id);
  if (!entrance) notFound();
  const [t, format] = await Promise.all([getTranslations("CheckIn"), getFormatter()]);
  const { meeting, days, today } = entrance;
  return (
    <section className="max-w-xl space-y-4">
      <PageHeader
        back={{ href: `/secretariat/meetings/${meeting.id}`, label: t("back", { meeting: meeting.number }) }}
        title={t("heading", { meeting: meeting.number })}
      />
      {days.length === 0 ? (
        <p className="rounded-md border border-slate-300 bg-slate-50 p-3">
          {meeting.startsOn
            ? t("notYet", { date: format.dateTime(new Date(`${meeting.startsOn}T12:00:00Z`), { dateStyle: "long", timeZone: "UTC" }) })
            : t("noDates")}
        </p>
      ) : (
        <>
          <p className="text-slate-700">{t("lead")}</p>
          <CheckInForm meetingId={meeting.id} days={days} defaultDay={days.includes(today) ? today : days.at(-1)!} action={recordArrivalAction} />
        </>
      )}
      <p>
        <Link href={`/secretariat/meetings/${meeting.id}/attendance`} className="text-brand-800 underline">
          {t("attendanceLink")}
        </Link>
      </p>
    </section>
  );
}
