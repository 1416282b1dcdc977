import { getTranslations } from "next-intl/server";
import { MeetingForm } from "@/components/meetings/meeting-form";
import { Link } from "@/lib/i18n/navigation";
import { requirePageActor } from "@/lib/server/session";
import { setPageLocale } from "@/lib/i18n/page-locale";
import { titleMetadata } from "@/lib/i18n/title-metadata";
import { createMeetingAction } from "../actions";

export const generateMetadata = titleMetadata("Meetings", "newTitle");

export default async function NewMeetingPage({ params }: PageProps<"/[locale]/secretariat/meetings/new">) {
  await setPageLocale(params);
  await requirePageActor("meeting:manage", "/secretariat/meetings/new");
  const t = await getTranslations("Meetings");
  return (
    <section className="space-y-6">
      <p>
        <Link href="/secretariat/meetings" className="text-brand-800 underline">
          {t("back")}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">{t("newTitle")}</h1>
      <p className="max-w-3xl text-slate-700">{t("formLead")}</p>
      <MeetingForm action={createMeetingAction} initial={{ participantQuota: "3", observerQuota: "2" }} submitLabel={t("create")} />
    </section>
  );
}
