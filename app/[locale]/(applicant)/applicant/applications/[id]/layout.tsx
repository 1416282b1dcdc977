import { getTranslations, setRequestLocale } from "next-intl/server";
import { ApplicationNav } from "@/components/applicant/application-nav";
import { StatusBadge } from "@/components/ui/status-badge";
import { Link } from "@/lib/i18n/navigation";
import { loadOwnApplication } from "./load";

type Props = { children: React.ReactNode; params: Promise<{ locale: string; id: string }> };

export default async function ApplicationLayout({ children, params }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale as "es");
  const application = await loadOwnApplication(id);
  const t = await getTranslations("ApplicantNav");
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <Link href="/applicant" className="text-brand-800 underline">
          {t("back")}
        </Link>
        <p className="flex flex-wrap items-center gap-2 text-slate-700">
          <span className="font-semibold">{application.organizationName}</span>
          <StatusBadge status={application.status} />
          <span>{application.meeting ? t("meeting", { meeting: application.meeting.number }) : t("meetingTbd")}</span>
        </p>
      </div>
      <div className="flex flex-col gap-6 md:flex-row">
        <ApplicationNav application={application} />
        <div className="min-w-0 flex-1">{children}</div>
      </div>
    </div>
  );
}
