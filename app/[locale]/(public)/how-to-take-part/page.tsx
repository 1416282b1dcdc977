import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { getApplicationWindow } from "@/db/queries/public-register-cache";
import { DOCUMENT_KINDS, ELIGIBILITY_CRITERIA } from "@/lib/domain";
import { Link } from "@/components/ui/link";
import { can } from "@/lib/permissions";
import { pageMetadata } from "@/lib/seo";
import { getActor } from "@/lib/server/session";
import { localeOf, setPageLocale } from "@/lib/i18n/page-locale";

type Props = PageProps<"/[locale]/how-to-take-part">;

const STEPS = [1, 2, 3, 4, 5] as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeOf(params);
  const t = await getTranslations({ locale, namespace: "HowToTakePart" });
  return pageMetadata(locale, "/how-to-take-part", t("title"), t("description"));
}

export default async function HowToTakePartPage({ params }: PageProps<"/[locale]/how-to-take-part">) {
  await setPageLocale(params);
  const [t, tHome, tCountry, format, window, actor] = await Promise.all([
    getTranslations("HowToTakePart"),
    getTranslations("Home"),
    getTranslations("Country"),
    getFormatter(),
    getApplicationWindow(),
    getActor(),
  ]);
  const date = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "long" });
  const windowText =
    window.state === "closed"
      ? t("windowClosed")
      : t(window.state === "open" ? "windowOpen" : "windowUpcoming", {
          number: window.meeting.number,
          place: [window.meeting.city, tCountry(window.meeting.hostCountry)].filter(Boolean).join(", "),
          opens: date(window.opensAt),
          closes: date(window.closesAt),
        });
  const signedInApplicant = can(actor?.role, "application:edit-own");
  const cta = signedInApplicant ? { href: "/applicant", label: t("ctaSignedIn") } : { href: "/sign-in", label: t("cta") };
  const h2 = "text-2xl font-semibold";
  return (
    <div className="space-y-10">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold text-brand-800">{t("title")}</h1>
        <p className="max-w-3xl text-lg text-slate-700">{t("lead")}</p>
      </header>

      <section aria-labelledby="window" className="space-y-3 rounded-lg border-2 border-brand-100 bg-brand-50 p-4">
        <h2 id="window" className={h2}>
          {t("windowTitle")}
        </h2>
        <p className="text-slate-800">{windowText}</p>
        {!actor || signedInApplicant ? (
          <Link href={cta.href} className="inline-block rounded-md bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-800">
            {cta.label}
          </Link>
        ) : null}
      </section>

      <section aria-labelledby="who" className="space-y-2">
        <h2 id="who" className={h2}>
          {t("whoTitle")}
        </h2>
        <p className="max-w-3xl text-slate-700">{t("who")}</p>
        <h3 className="pt-2 text-lg font-semibold">{t("categoriesTitle")}</h3>
        <p className="max-w-3xl text-slate-700">{t("categories")}</p>
      </section>

      <section aria-labelledby="criteria" className="space-y-2">
        <h2 id="criteria" className={h2}>
          {t("criteriaTitle")}
        </h2>
        <p className="text-slate-700">{t("criteriaLead")}</p>
        <ul className="list-disc space-y-1 pl-6">
          {ELIGIBILITY_CRITERIA.map((criterion) => (
            <li key={criterion}>{t(`criteria.${criterion}`)}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="documents" className="space-y-2">
        <h2 id="documents" className={h2}>
          {t("documentsTitle")}
        </h2>
        <p className="text-slate-700">{t("documentsLead")}</p>
        <ul className="list-disc space-y-1 pl-6">
          {DOCUMENT_KINDS.map((kind) => (
            <li key={kind}>{t(`documents.${kind}`)}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="steps" className="space-y-4">
        <h2 id="steps" className={h2}>
          {t("stepsTitle")}
        </h2>
        <ol className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {STEPS.map((step) => (
            <li key={step} className="rounded-lg border border-slate-200 p-4">
              <h3 className="font-semibold text-brand-800">
                {step}. {tHome(`step${step}Title`)}
              </h3>
              <p className="mt-1 text-slate-700">{tHome(`step${step}`)}</p>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="cta" className="space-y-3 border-t border-slate-200 pt-6">
        <h2 id="cta" className={h2}>
          {t("ctaTitle")}
        </h2>
        <p className="flex flex-wrap items-center gap-4">
          {(!actor || signedInApplicant) && (
            <Link href={cta.href} className="inline-block rounded-md bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-800">
              {cta.label}
            </Link>
          )}
          <Link href="/register" className="text-brand-700 underline">
            {t("registerLink")}
          </Link>
        </p>
      </section>
    </div>
  );
}
