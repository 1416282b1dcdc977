import { getTranslations } from "next-intl/server";
import { StepNav, type Step } from "@/components/ui/step-nav";
import type { OwnApplication } from "@/db/queries/applications-own";
import { SECTION_IDS } from "@/lib/application-sections";

/** The application's sections as numbered steps, each marked complete or not (in words, not only by colour). */
export async function ApplicationNav({ application }: { application: OwnApplication }) {
  const [t, tSection] = await Promise.all([getTranslations("ApplicantNav"), getTranslations("ApplicantSection")]);
  const base = `/applicant/applications/${application.id}`;
  const steps: Step[] = SECTION_IDS.map((id) => ({ href: `${base}/${id}`, label: tSection(id), done: application.completed.includes(id) }));
  if (application.isRenewal) {
    steps.push({ href: `${base}/renewal`, label: tSection("renewal"), done: !application.readiness.missingSections.includes("renewal") });
  }
  return (
    <StepNav
      label={t("label")}
      steps={steps}
      before={{ href: base, label: t("status") }}
      after={{ href: `${base}/review`, label: t("review") }}
      doneLabel={t("complete")}
      todoLabel={t("incomplete")}
    />
  );
}
