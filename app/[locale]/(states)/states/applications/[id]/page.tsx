import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { cache } from "react";
import { ConsultationAnswerForm } from "@/components/consultation/consultation-answer-form";
import { ConsultationAnswers } from "@/components/consultation/consultation-answers";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { forwardedQuestionsForState } from "@/db/queries/consultation-questions";
import { stateConsultation } from "@/db/queries/consultations";
import { CONSULTATION_ANSWERS, ELIGIBILITY_CRITERIA } from "@/lib/domain";
import { AppError } from "@/lib/errors";
import { setPageLocale } from "@/lib/i18n/page-locale";
import { requirePageActor } from "@/lib/server/session";
import { answerConsultationAction } from "./actions";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Read once per request: the metadata and the page share it. */
const load = cache(async (id: string) => {
  const actor = await requirePageActor("consultation:answer", `/states/applications/${id}`);
  if (!UUID.test(id)) notFound();
  try {
    return { actor, consultation: await stateConsultation(actor, id) };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: PageProps<"/[locale]/states/applications/[id]">): Promise<Metadata> {
  const { id } = await params;
  const { consultation } = await load(id);
  return { title: consultation.organization.legalName };
}

export default async function StateConsultationPage({ params }: PageProps<"/[locale]/states/applications/[id]">) {
  await setPageLocale(params);
  const { id } = await params;
  const { actor, consultation } = await load(id);
  const [t, tCountry, tCategory, tLabels, tAnswer, tConsultation, format] = await Promise.all([
    getTranslations("States"),
    getTranslations("Country"),
    getTranslations("Category"),
    getTranslations("SecretariatLabels"),
    getTranslations("ConsultationAnswer"),
    getTranslations("Consultation"),
    getFormatter(),
  ]);
  const date = (value: Date) => format.dateTime(value, { dateStyle: "long", timeZone: "UTC" });
  const { organization, recommendation, window, ownAnswer } = consultation;
  const [tTracking, questions] = await Promise.all([getTranslations("QuestionTracking"), forwardedQuestionsForState(actor, id, window.open)]);
  const country = tCountry((actor.stateCountry ?? "regional") as "AR");
  const criterion = (code: string) => tLabels(`criterion.${code}` as "criterion.non_profit");
  const profile: [string, string | null][] = [
    [t("type"), tLabels(`organizationType.${organization.type}`)],
    [t("country"), tCountry((organization.country ?? "regional") as "AR")],
    [t("city"), organization.city],
    [t("founded"), organization.foundedYear ? String(organization.foundedYear) : null],
    [t("website"), organization.website],
    [t("countriesOfWork"), organization.countriesOfWork.map((code) => tCountry(code as "AR")).join(", ") || null],
    [t("themes"), organization.themes.map((theme) => tLabels(`theme.${theme}` as "theme.asylum")).join(", ") || null],
    [t("populations"), organization.populationsServed],
    [t("description"), organization.description],
    [t("requestedCategory"), tCategory(consultation.requestedCategory)],
  ];
  return (
    <article className="space-y-6">
      <PageHeader
        back={{ href: "/states", label: t("back") }}
        title={`${organization.legalName}${organization.acronym ? ` (${organization.acronym})` : ""}`}
        lead={window.open ? t("statusOpen", { date: date(window.closesAt) }) : t("statusClosed", { date: date(window.closesAt) })}
      />
      {window.closedEarly && <p className="text-slate-700">{t("closedEarly", { reason: window.closedEarly.reason })}</p>}
      <p data-testid="consultation-rule">
        {tConsultation("ruleLabel")}:{" "}
        {window.objectionThreshold ? tConsultation("ruleThreshold", { count: window.objectionThreshold }) : tConsultation("ruleAdvisory")}
      </p>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="min-w-0 space-y-6">
          <Panel id="profile-title" title={t("profileTitle")}>
            <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[auto_1fr]">
              {profile
                .filter(([, value]) => value)
                .map(([label, value]) => (
                  <div key={label} className="contents">
                    <dt className="font-medium">{label}</dt>
                    <dd className="break-words whitespace-pre-wrap">{value}</dd>
                  </div>
                ))}
            </dl>
          </Panel>
          <Panel id="recommendation-title" title={t("recommendationTitle")}>
            <p className="font-medium" data-testid="recommendation">
              {recommendation.rejection ? tLabels("recommendation.reject") : tLabels(`recommendation.${recommendation.category ?? "participant"}`)}
            </p>
            {recommendation.rationale && <p className="whitespace-pre-wrap">{recommendation.rationale}</p>}
          </Panel>
          <Panel id="documents-title" title={t("documentsTitle")}>
            {consultation.documents.length === 0 ? (
              <p className="text-slate-700">{t("noDocuments")}</p>
            ) : (
              <ul className="space-y-1">
                {consultation.documents.map((document) => (
                  <li key={document.id}>
                    <a
                      href={`/api/documents/${document.id}?disposition=inline`}
                      target="_blank"
                      rel="noopener"
                      className="inline-flex min-h-11 items-center font-medium text-brand-800 underline"
                    >
                      {t("openDocument", { name: `${tLabels(`documentKind.${document.kind}`)}: ${document.fileName}` })}
                    </a>{" "}
                    <span className="text-sm text-slate-600">({format.number(Math.ceil(document.size / 1024))} KB)</span>
                  </li>
                ))}
              </ul>
            )}
          </Panel>
          <Panel id="eligibility-title" title={t("eligibilityTitle")}>
            {consultation.eligibility.length === 0 ? (
              <p className="text-slate-700">{t("noChecklist")}</p>
            ) : (
              <ul className="space-y-1" aria-label={t("eligibilityCaption")}>
                {consultation.eligibility.map((check) => (
                  <li key={check.criterion} className="flex flex-wrap justify-between gap-2 border-b border-slate-100 py-1">
                    <span>{criterion(check.criterion)}</span>
                    <span className={check.met ? "font-medium text-green-800" : "font-medium text-red-800"}>{check.met ? t("met") : t("notMet")}</span>
                  </li>
                ))}
              </ul>
            )}
          </Panel>
        </div>
        <div className="min-w-0 space-y-6">
          <Panel id="answer-title" title={t("answerTitle", { country })}>
            {window.open ? (
              <ConsultationAnswerForm
                action={answerConsultationAction}
                applicationId={consultation.applicationId}
                criteria={ELIGIBILITY_CRITERIA.map((code) => ({ value: code, label: criterion(code) }))}
                answerLabels={
                  Object.fromEntries(CONSULTATION_ANSWERS.map((answer) => [answer, tAnswer(answer)])) as Record<(typeof CONSULTATION_ANSWERS)[number], string>
                }
                current={ownAnswer}
              />
            ) : ownAnswer ? (
              <div className="space-y-1" data-testid="own-answer">
                <p className="font-medium">{tAnswer(ownAnswer.answer)}</p>
                {ownAnswer.criteria.length > 0 && <p>{t("criteriaCited", { criteria: ownAnswer.criteria.map(criterion).join("; ") })}</p>}
                {ownAnswer.reasons && <p className="whitespace-pre-wrap">{ownAnswer.reasons}</p>}
                <p className="text-sm text-slate-600">{t("answeredOn", { date: date(ownAnswer.answeredAt) })}</p>
              </div>
            ) : (
              <p>{t("noAnswerGiven")}</p>
            )}
          </Panel>
          {questions.length > 0 && (
            <Panel id="questions-title" title={tTracking("title")}>
              <ul className="space-y-3" data-testid="forwarded-questions">
                {questions.map((question) => (
                  <li key={question.id} className="space-y-1 border-l-4 border-slate-300 pl-3">
                    <p className="font-medium">{tCountry(question.country)}</p>
                    <p className="whitespace-pre-wrap">{question.question}</p>
                    <p className="text-sm text-slate-700">{tTracking("forwarded", { date: date(question.forwardedAt) })}</p>
                    <p className="whitespace-pre-wrap">
                      {question.reply && question.repliedAt
                        ? tTracking("answered", { date: date(question.repliedAt), reply: question.reply })
                        : tTracking("awaiting")}
                    </p>
                  </li>
                ))}
              </ul>
            </Panel>
          )}
          <Panel id="answers-title" title={t("answersTitle")}>
            {consultation.answers ? (
              <ConsultationAnswers answers={consultation.answers} empty={t("noAnswers")} />
            ) : (
              <p className="text-slate-700">{t("answersHidden")}</p>
            )}
          </Panel>
        </div>
      </div>
    </article>
  );
}
