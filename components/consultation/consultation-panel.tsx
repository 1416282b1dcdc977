import { getFormatter, getTranslations } from "next-intl/server";
import { Panel } from "@/components/ui/panel";
import { ButtonForm } from "@/components/secretariat/review-forms";
import type { ForwardedQuestion } from "@/db/queries/consultation-questions";
import type { SecretariatConsultation } from "@/db/queries/consultations";
import type { FormAction } from "@/lib/action-state";
import { CSM_COUNTRIES } from "@/lib/domain";
import { ConsultationAnswers } from "./consultation-answers";

type Props = {
  applicationId: string;
  consultation: SecretariatConsultation;
  questions: ForwardedQuestion[];
  /** For staff who may pass a state's question on to the organization. */
  forward?: FormAction;
};

/**
 * The member states' consultation as the secretariat reads it before deciding: the window, the rule, every
 * answer, who did not answer, and the states' questions passed on to the organization with its answers.
 */
export async function ConsultationPanel({ applicationId, consultation, questions, forward }: Props) {
  const [t, tCountry, tTracking, format] = await Promise.all([
    getTranslations("Consultation"),
    getTranslations("Country"),
    getTranslations("QuestionTracking"),
    getFormatter(),
  ]);
  const asked = consultation.answers.filter((answer) => answer.answer === "question");
  const { window, answers, silent } = consultation;
  const date = (value: Date) => format.dateTime(value, { dateStyle: "long", timeStyle: "short" });
  return (
    <Panel id="consultation-title" title={t("title")} tone={window.open ? "notice" : "plain"}>
      <div data-testid="consultation" className="space-y-3">
        <p className="font-medium">{window.open ? t("open", { date: date(window.closesAt) }) : t("closed", { date: date(window.closesAt) })}</p>
        {window.closedEarly && <p>{t("closedEarly", { name: window.closedEarly.by ?? "—", reason: window.closedEarly.reason })}</p>}
        <p data-testid="consultation-rule">
          {t("ruleLabel")}: {window.objectionThreshold ? t("ruleThreshold", { count: window.objectionThreshold }) : t("ruleAdvisory")}
        </p>
        {consultation.toPlenary && (
          <p className="rounded-md border border-amber-400 bg-amber-50 px-3 py-2 font-medium" data-testid="to-plenary">
            {consultation.plenaryReference
              ? t("plenaryRecorded", { reference: consultation.plenaryReference })
              : t("toPlenary", { count: answers.filter((answer) => answer.answer === "objection").length })}
          </p>
        )}
        <p>
          {t("answered", { count: answers.length, total: CSM_COUNTRIES.length })} {window.open && t("hiddenFromStates")}
        </p>
        <ConsultationAnswers answers={answers} empty="" showWho />
        <p data-testid="consultation-silent">
          {silent.length === 0 ? t("noneSilent") : t("silent", { countries: silent.map((code) => tCountry(code)).join(", ") })}
        </p>
        {asked.length > 0 && (
          <div className="space-y-2" data-testid="question-tracking">
            <h3 className="font-medium">{tTracking("title")}</h3>
            <ul className="space-y-3">
              {asked.map((answer) => {
                const passedOn = questions.find((question) => question.country === answer.country);
                return (
                  <li key={answer.country} className="space-y-1 border-l-4 border-slate-300 pl-3">
                    <p className="font-medium">{tCountry(answer.country)}</p>
                    {passedOn ? (
                      <>
                        <p className="text-sm text-slate-700">{tTracking("forwarded", { date: date(passedOn.forwardedAt) })}</p>
                        <p className="whitespace-pre-wrap">
                          {passedOn.reply && passedOn.repliedAt
                            ? tTracking("answered", { date: date(passedOn.repliedAt), reply: passedOn.reply })
                            : tTracking("awaiting")}
                        </p>
                      </>
                    ) : (
                      forward && (
                        <ButtonForm
                          action={forward}
                          applicationId={applicationId}
                          tone="secondary"
                          label={tTracking("forward")}
                          accessibleLabel={tTracking("forwardLabel", { country: tCountry(answer.country) })}
                          extra={{ country: answer.country }}
                        />
                      )
                    )}
                  </li>
                );
              })}
            </ul>
          </div>
        )}
      </div>
    </Panel>
  );
}
