import { PageHeader } from "@/components/ui/page-header";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { FigureTable } from "@/components/ui/figure-table";
import { meetingAttendance } from "@/db/queries/attendance";
import { Link } from "@/components/ui/link";
import { setPageLocale } from "@/lib/i18n/page-locale";
import { titleMetadata } from "@/lib/i18n/title-metadata";
import { requirePageActor } from "@/lib/server/session";

export const generateMetadata = titleMetadata("Attendance");

export default async function AttendancePage({ params }: PageProps<"/[locale]/secretariat/meetings/[id]/attendance">) {
  const locale = await setPageLocale(params);
  const { id } = await params;
  const actor = await requirePageActor("attendance:read", `/secretariat/meetings/${id}/attendance`);
  const figures = await meetingAttendance(actor, id);
  if (!figures) notFound();
  const [t, tCountry, tCategory, format] = await Promise.all([
    getTranslations("Attendance"),
    getTranslations("Country"),
    getTranslations("Category"),
    getFormatter(),
  ]);
  const { meeting } = figures;
  return (
    <section className="space-y-6">
      <PageHeader
        back={{ href: `/secretariat/meetings/${meeting.id}`, label: t("back", { meeting: meeting.number }) }}
        title={t("heading", { meeting: meeting.number })}
      />
      <p data-testid="attendance-total" className="text-lg">
        {t("total", { people: figures.people, confirmed: figures.confirmed })}
      </p>
      <div className="grid gap-6 md:grid-cols-3">
        <FigureTable
          caption={t("byDay")}
          label={t("day")}
          count={t("count")}
          rows={figures.byDay.map((row) => [format.dateTime(new Date(`${row.day}T12:00:00Z`), { day: "numeric", month: "long", timeZone: "UTC" }), row.count])}
        />
        <FigureTable
          caption={t("byCountry")}
          label={t("country")}
          count={t("count")}
          rows={figures.byCountry.map((row) => [tCountry((row.country ?? "regional") as "AR"), row.count])}
        />
        <FigureTable
          caption={t("byCategory")}
          label={t("category")}
          count={t("count")}
          rows={figures.byCategory.map((row) => [row.category ? tCategory(row.category) : "—", row.count])}
        />
      </div>
      <p className="flex flex-wrap gap-4">
        <a href={`/api/secretariat/meetings/${meeting.id}/attendance.csv?locale=${locale}`} className="text-brand-800 underline" download>
          {t("csv")}
        </a>
        <Link href={`/secretariat/meetings/${meeting.id}/check-in`} className="text-brand-800 underline">
          {t("checkInLink")}
        </Link>
      </p>
    </section>
  );
}
