import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { MeetingForm } from "@/components/meetings/meeting-form";
import { Link } from "@/lib/i18n/navigation";
import { requirePageActor } from "@/lib/session";
import { createMeetingAction } from "../actions";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: locale as "es", namespace: "Meetings" });
  return { title: t("newTitle") };
}

export default async function NewMeetingPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale as "es");
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
