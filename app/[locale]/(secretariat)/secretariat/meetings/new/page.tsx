import { DEFAULT_CONSULTATION_DAYS } from "@/lib/consultation";
import { PageHeader } from "@/components/ui/page-header";
import { getTranslations } from "next-intl/server";
import { MeetingForm } from "@/components/meetings/meeting-form";
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
      <PageHeader back={{ href: "/secretariat/meetings", label: t("back") }} title={t("newTitle")} lead={t("formLead")} />
      <MeetingForm
        action={createMeetingAction}
        initial={{ participantQuota: "3", observerQuota: "2", consultationDays: String(DEFAULT_CONSULTATION_DAYS) }}
        submitLabel={t("create")}
      />
    </section>
  );
}
