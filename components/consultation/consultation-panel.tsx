import { getFormatter, getTranslations } from "next-intl/server";
import { Panel } from "@/components/ui/panel";
import type { SecretariatConsultation } from "@/db/queries/consultations";
import { CSM_COUNTRIES } from "@/lib/domain";
import { ConsultationAnswers } from "./consultation-answers";

/** The member states' consultation as the secretariat reads it before deciding: the window, every answer, who did not answer. */
export async function ConsultationPanel({ consultation }: { consultation: SecretariatConsultation }) {
  const [t, tCountry, format] = await Promise.all([getTranslations("Consultation"), getTranslations("Country"), getFormatter()]);
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
      </div>
    </Panel>
  );
}
