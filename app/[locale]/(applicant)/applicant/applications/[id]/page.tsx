import { getFormatter, getTranslations } from "next-intl/server";
import { QuestionReplyForm, RespondForm, WithdrawForm } from "@/components/applicant/application-forms";
import { questionsForOrganization } from "@/db/queries/consultation-questions";
import { getActor } from "@/lib/server/session";
import { StatusBadge } from "@/components/ui/status-badge";
import { Timeline } from "@/components/ui/timeline";
import { isDecided } from "@/lib/application-status";
import { Link } from "@/components/ui/link";
import { setPageLocale } from "@/lib/i18n/page-locale";
import { titleMetadata } from "@/lib/i18n/title-metadata";
import { replyToQuestionAction, respondAction, withdrawApplicationAction } from "../../actions";
import { loadOwnApplication } from "./load";

export const generateMetadata = titleMetadata("ApplicantStatus");

export default async function ApplicationStatusPage({ params, searchParams }: PageProps<"/[locale]/applicant/applications/[id]">) {
  await setPageLocale(params);
  const { id } = await params;
  const application = await loadOwnApplication(id);
  const { submitted, answered } = await searchParams;
  const [t, tStatus, tSection, tQuestions, format, questions] = await Promise.all([
    getTranslations("ApplicantStatus"),
    getTranslations("Status"),
    getTranslations("ApplicantSection"),
    getTranslations("StateQuestions"),
    getFormatter(),
    getActor().then((actor) => questionsForOrganization(actor, id)),
  ]);
  const base = `/applicant/applications/${application.id}`;
  const request = application.informationRequest;
  const decided = isDecided(application.status);
  const canWithdraw = !decided && application.status !== "withdrawn";
  return (
    <section className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      {submitted && application.status === "submitted" && (
        <div role="status" className="space-y-4">
          <div className="rounded-md bg-green-800 px-4 py-5 text-white">
            <p className="text-2xl font-semibold">{t("submittedPanelTitle")}</p>
            <p className="mt-1">{t("submittedNotice")}</p>
          </div>
          <section aria-labelledby="next-steps" className="space-y-2">
            <h2 id="next-steps" className="text-xl font-semibold">
              {t("nextStepsTitle")}
            </h2>
            <ol className="max-w-2xl list-decimal space-y-1 pl-6">
              <li>{t("nextStepReview")}</li>
              <li>{t("nextStepQuestions")}</li>
              <li>{t("nextStepDecision")}</li>
            </ol>
          </section>
        </div>
      )}
      {answered && application.status === "in_review" && (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-green-800">
          {t("answerSent")}
        </p>
      )}
      <div className="space-y-2">
        <p className="flex flex-wrap items-center gap-2">
          {t("current")} <StatusBadge status={application.status} />
        </p>
        <p className="max-w-2xl text-slate-700">{t(`explain.${application.status}`)}</p>
        {application.status === "draft" && (
          <Link href={`${base}/review`} className="text-brand-800 underline">
            {t("goToReview")}
          </Link>
        )}
      </div>

      {decided && (
        <section aria-labelledby="decision" className="space-y-2 rounded-md border border-slate-300 p-4">
          <h2 id="decision" className="text-xl font-semibold">
            {t("decisionTitle")}
          </h2>
          <p>{t("outcome", { outcome: tStatus(application.status) })}</p>
          {application.decisionReason && (
            <p className="whitespace-pre-line">
              <span className="font-medium">{t("reason")}</span> {application.decisionReason}
            </p>
          )}
          {application.status !== "rejected" && <p className="text-slate-700">{t("renewalHint")}</p>}
        </section>
      )}

      {request && (
        <section aria-labelledby="request" className="space-y-3 rounded-md border border-amber-400 bg-amber-50 p-4">
          <h2 id="request" className="text-xl font-semibold">
            {t("requestTitle")}
          </h2>
          <p className="text-sm text-slate-700">{format.dateTime(request.at, { dateStyle: "medium", timeStyle: "short" })}</p>
          {request.message && <blockquote className="border-l-4 border-amber-500 pl-3 whitespace-pre-line">{request.message}</blockquote>}
          {request.sections.length > 0 && (
            <>
              <p>{t("requestSections")}</p>
              <ul className="list-disc pl-6">
                {request.sections.map((section) => (
                  <li key={section}>
                    <Link href={`${base}/${section}`} className="text-brand-800 underline">
                      {tSection(section)}
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          )}
          <RespondForm applicationId={application.id} action={respondAction} />
        </section>
      )}

      {questions.length > 0 && (
        <section aria-labelledby="state-questions" className="space-y-3 rounded-md border border-amber-400 bg-amber-50 p-4">
          <h2 id="state-questions" className="text-xl font-semibold">
            {tQuestions("title")}
          </h2>
          <p className="max-w-2xl text-slate-700">{tQuestions("lead")}</p>
          <ul className="space-y-4">
            {questions.map((question) => (
              <li key={question.id} className="space-y-2" data-testid="state-question">
                <p className="text-sm text-slate-700">{tQuestions("askedOn", { date: format.dateTime(question.forwardedAt, { dateStyle: "medium" }) })}</p>
                <blockquote className="border-l-4 border-amber-500 pl-3 whitespace-pre-line">{question.question}</blockquote>
                {question.reply && question.repliedAt ? (
                  <>
                    <p className="text-sm text-slate-700">{tQuestions("answeredOn", { date: format.dateTime(question.repliedAt, { dateStyle: "medium" }) })}</p>
                    <p className="whitespace-pre-line">{question.reply}</p>
                  </>
                ) : (
                  <QuestionReplyForm applicationId={application.id} questionId={question.id} action={replyToQuestionAction} />
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="timeline" className="space-y-2">
        <h2 id="timeline" className="text-xl font-semibold">
          {t("timelineTitle")}
        </h2>
        {application.timeline.length === 0 ? (
          <p>{t("timelineEmpty")}</p>
        ) : (
          <Timeline
            format={(at) => format.dateTime(at, { dateStyle: "medium", timeStyle: "short" })}
            items={application.timeline.map((entry) => ({
              id: entry.id,
              at: entry.at,
              meta: t(`by.${entry.by}`),
              title: entry.to ? t("movedTo", { status: tStatus(entry.to) }) : t("messageEntry"),
              body: entry.message ?? undefined,
            }))}
          />
        )}
      </section>

      {canWithdraw && (
        <section aria-labelledby="withdraw" className="border-t border-slate-200 pt-4">
          {/* Withdrawing is possible but never the page's main call to action. */}
          <details className="space-y-2">
            <summary className="flex min-h-11 cursor-pointer items-center text-brand-800 underline">
              <h2 id="withdraw" className="text-base font-normal">
                {t("withdrawTitle")}
              </h2>
            </summary>
            <div className="space-y-2 pt-2">
              <p className="max-w-2xl text-slate-700">{t("withdrawLead")}</p>
              <WithdrawForm applicationId={application.id} action={withdrawApplicationAction} />
            </div>
          </details>
        </section>
      )}
    </section>
  );
}
