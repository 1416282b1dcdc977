import { getFormatter, getTranslations } from "next-intl/server";
import { ApplicationNav } from "@/components/applicant/application-nav";
import { StatusBadge } from "@/components/ui/status-badge";
import { Link } from "@/components/ui/link";
import { setPageLocale } from "@/lib/i18n/page-locale";
import { loadOwnApplication } from "./load";

export default async function ApplicationLayout({ children, params }: LayoutProps<"/[locale]/applicant/applications/[id]">) {
  await setPageLocale(params);
  const { id } = await params;
  const application = await loadOwnApplication(id);
  const [t, tWindow, format] = await Promise.all([getTranslations("ApplicantNav"), getTranslations("MeetingWindow"), getFormatter()]);
  const { window } = application;
  const date = (instant: Date) => format.dateTime(instant, { dateStyle: "long" });
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <Link href="/applicant" className="text-brand-800 underline">
          {t("back")}
        </Link>
        <p className="flex flex-wrap items-center gap-2 text-slate-700">
          <span className="font-semibold">{application.organizationName}</span>
          <StatusBadge status={application.status} />
          <span data-testid="application-meeting">
            {application.meeting ? t("meeting", { meeting: application.meeting.number }) : t(application.status === "draft" ? "noWindow" : "meetingTbd")}
          </span>
        </p>
        {window && (
          <p className="text-slate-700" data-testid="draft-window">
            {window.open
              ? tWindow("draftOpen", { meeting: window.open.number, closes: date(window.open.closesAt) })
              : window.next
                ? tWindow("draftNext", { meeting: window.next.number, opens: date(window.next.opensAt) })
                : tWindow("draftNone")}
          </p>
        )}
      </div>
      <div className="flex flex-col gap-6 md:flex-row">
        <ApplicationNav application={application} />
        <div className="min-w-0 flex-1">{children}</div>
      </div>
    </div>
  );
}
