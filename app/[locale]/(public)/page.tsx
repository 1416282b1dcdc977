import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { can } from "@/lib/permissions";
import { getActor } from "@/lib/server/session";
import { setPageLocale } from "@/lib/i18n/page-locale";

const STEPS = [1, 2, 3, 4, 5] as const;

export default async function HomePage({ params }: PageProps<"/[locale]">) {
  await setPageLocale(params);
  const [t, tRegister, tTakePart, actor] = await Promise.all([
    getTranslations("Home"),
    getTranslations("Register"),
    getTranslations("HowToTakePart"),
    getActor(),
  ]);
  const cta = !actor
    ? { href: "/sign-in", label: t("cta") }
    : can(actor.role, "secretariat:access")
      ? { href: "/secretariat", label: t("ctaStaff") }
      : { href: "/applicant", label: t("ctaSignedIn") };
  return (
    <div className="space-y-10">
      <section className="space-y-4">
        <h1 className="text-3xl font-bold leading-tight text-brand-800 sm:text-4xl">{t("title")}</h1>
        <p className="max-w-3xl text-lg text-slate-700">{t("lead")}</p>
        <p className="flex flex-wrap items-center gap-4">
          <Link href={cta.href} className="inline-block rounded-md bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-800">
            {cta.label}
          </Link>
          <Link href="/register" className="font-medium text-brand-700 underline">
            {tRegister("title")}
          </Link>
          <Link href="/how-to-take-part" className="font-medium text-brand-700 underline">
            {tTakePart("title")}
          </Link>
        </p>
      </section>
      <section aria-labelledby="what" className="space-y-2">
        <h2 id="what" className="text-2xl font-semibold">
          {t("whatTitle")}
        </h2>
        <p className="max-w-3xl text-slate-700">{t("what")}</p>
      </section>
      <section aria-labelledby="steps" className="space-y-4">
        <h2 id="steps" className="text-2xl font-semibold">
          {t("stepsTitle")}
        </h2>
        <ol className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {STEPS.map((step) => (
            <li key={step} className="rounded-lg border border-slate-200 p-4">
              <h3 className="font-semibold text-brand-800">
                {step}. {t(`step${step}Title`)}
              </h3>
              <p className="mt-1 text-slate-700">{t(`step${step}`)}</p>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
