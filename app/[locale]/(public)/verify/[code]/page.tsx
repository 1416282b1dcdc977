import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { VerifyForm } from "@/components/credentials/verify-form";
import { verifyCredential } from "@/db/queries/delegate-credentials";
import { localeOf, setPageLocale } from "@/lib/i18n/page-locale";

type Props = PageProps<"/[locale]/verify/[code]">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeOf(params);
  const t = await getTranslations({ locale, namespace: "Verify" });
  // One page per code: kept out of search engines, which have no use for it.
  return { title: t("title"), robots: { index: false, follow: false } };
}

/** Whether a printed code is genuine: only the name, organization and meeting are shown. */
export default async function VerifyCodePage({ params }: Props) {
  const locale = await setPageLocale(params);
  const { code } = await params;
  const [result, t, tCountry, format] = await Promise.all([verifyCredential(code), getTranslations("Verify"), getTranslations("Country"), getFormatter()]);
  const day = (value: string) => format.dateTime(new Date(`${value}T12:00:00Z`), { dateStyle: "long", timeZone: "UTC" });
  return (
    <article className="max-w-3xl space-y-6">
      <h1 className="text-3xl font-bold text-brand-800">{t("title")}</h1>
      {result.status === "genuine" ? (
        <div role="status" data-verification="genuine" className="space-y-2 rounded-lg border-2 border-green-600 bg-green-50 p-4 text-green-900">
          <p className="text-lg font-semibold">{t("genuine")}</p>
          <p>{t("genuineDetail", { name: result.name, organization: result.organization, meeting: result.meeting.number })}</p>
          <p>
            {t("meetingPlace", {
              place: [result.meeting.city, tCountry(result.meeting.hostCountry as "AR")].filter(Boolean).join(", "),
              dates: [result.meeting.startsOn, result.meeting.endsOn]
                .filter((value): value is string => Boolean(value))
                .map(day)
                .join(" – "),
            })}
          </p>
          <p className="text-sm">{t("privacy")}</p>
        </div>
      ) : (
        <div role="status" data-verification={result.status} className="rounded-lg border-2 border-red-600 bg-red-50 p-4 text-lg font-semibold text-red-900">
          {t(result.status)}
        </div>
      )}
      <h2 className="text-xl font-semibold">{t("checkAnother")}</h2>
      <VerifyForm locale={locale} />
    </article>
  );
}
