import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { AccreditationBadges } from "@/components/register/accreditation-badges";
import { CoalitionLinks } from "@/components/register/coalition-links";
import { getOrganizationPage } from "@/db/queries/public-register-cache";
import { MeetingList } from "@/components/register/meeting-list";
import { isoToday, pastAndUpcoming } from "@/lib/meeting-timing";
import { ACCREDITATION_EVENTS, type AccreditationCategory } from "@/lib/domain";
import { Link } from "@/components/ui/link";
import { pageMetadata } from "@/lib/seo";
import { localeOf, setPageLocale } from "@/lib/i18n/page-locale";

/** The catalog key of one line of the public history: granted and category changes name the category. */
function historyLineKey(event: string, category: AccreditationCategory) {
  if (event === "granted" || event === "category_changed") return `historyLine.${event}.${category}` as const;
  return `historyLine.${(ACCREDITATION_EVENTS as readonly string[]).includes(event) ? (event as "suspended") : "other"}` as const;
}

type Props = PageProps<"/[locale]/register/[slug]">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeOf(params);
  const { slug } = await params;
  const organization = await getOrganizationPage(slug);
  if (!organization) return {};
  const [t, tCategory] = await Promise.all([
    getTranslations({ locale, namespace: "RegisterOrganization" }),
    getTranslations({ locale, namespace: "Category" }),
  ]);
  const title = organization.acronym ? `${organization.name} (${organization.acronym})` : organization.name;
  const description = t("description", { name: organization.name, category: tCategory(organization.accreditation.category).toLowerCase() });
  return pageMetadata(locale, `/register/${organization.slug}`, title, description);
}

function Detail({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1 border-b border-slate-100 py-2 sm:grid-cols-[12rem_1fr]">
      <dt className="font-medium text-slate-700">{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export default async function OrganizationPage({ params }: PageProps<"/[locale]/register/[slug]">) {
  await setPageLocale(params);
  const { slug } = await params;
  const organization = await getOrganizationPage(slug);
  if (!organization) notFound();
  const [t, tRegister, tCountry, tCategory, tTerms, format] = await Promise.all([
    getTranslations("RegisterOrganization"),
    getTranslations("Register"),
    getTranslations("Country"),
    getTranslations("Category"),
    getTranslations("RegisterTerms"),
    getFormatter(),
  ]);
  const date = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "long" });
  const { accreditation } = organization;
  const meetings = pastAndUpcoming(organization.meetings, isoToday());
  return (
    <article className="space-y-8">
      <p>
        <Link href="/register" className="text-brand-700 underline">
          ← {t("back")}
        </Link>
      </p>
      <header className="space-y-3">
        <h1 className="text-3xl font-bold leading-tight text-brand-800">
          {organization.name}
          {organization.acronym && <span className="ml-2 text-2xl font-normal text-slate-700">({organization.acronym})</span>}
        </h1>
        <AccreditationBadges category={accreditation.category} status={accreditation.status} />
      </header>

      <section aria-labelledby="org-profile" className="space-y-2">
        <h2 id="org-profile" className="text-xl font-semibold">
          {t("profileTitle")}
        </h2>
        <dl>
          {organization.acronym && <Detail term={t("acronym")}>{organization.acronym}</Detail>}
          <Detail term={t("type")}>{tTerms(`type.${organization.type}`)}</Detail>
          <Detail term={t("country")}>{tCountry(organization.country ?? "regional")}</Detail>
          {organization.city && <Detail term={t("city")}>{organization.city}</Detail>}
          {organization.foundedYear && <Detail term={t("foundedYear")}>{organization.foundedYear}</Detail>}
          {organization.website && /^https?:\/\//i.test(organization.website) && (
            <Detail term={t("website")}>
              <a href={organization.website} rel="noopener nofollow" className="break-all text-brand-700 underline">
                {organization.website}
              </a>
            </Detail>
          )}
          {organization.countriesOfWork.length > 0 && (
            <Detail term={t("countriesOfWork")}>{organization.countriesOfWork.map((code) => tCountry(code)).join(", ")}</Detail>
          )}
          {organization.themes.length > 0 && <Detail term={t("themes")}>{organization.themes.map((theme) => tTerms(`theme.${theme}`)).join(", ")}</Detail>}
          {organization.populationsServed && <Detail term={t("populationsServed")}>{organization.populationsServed}</Detail>}
        </dl>
        {organization.description && (
          <div className="space-y-1 pt-2">
            <h3 className="font-semibold">{t("about")}</h3>
            <p className="max-w-3xl whitespace-pre-line text-slate-800">{organization.description}</p>
          </div>
        )}
      </section>

      <section aria-labelledby="org-accreditation" className="space-y-3">
        <h2 id="org-accreditation" className="text-xl font-semibold">
          {t("accreditationTitle")}
        </h2>
        <dl>
          <Detail term={t("category")}>{tCategory(accreditation.category)}</Detail>
          <Detail term={t("status")}>{accreditation.status === "suspended" ? tRegister("statusSuspended") : tRegister("statusActive")}</Detail>
          <Detail term={t("since")}>{date(accreditation.since)}</Detail>
          {accreditation.status === "suspended" && accreditation.reason && <Detail term={t("reason")}>{accreditation.reason}</Detail>}
        </dl>
        {organization.history.length > 0 && (
          <>
            <h3 className="font-semibold">{t("historyTitle")}</h3>
            <ol className="space-y-2 border-l-2 border-brand-100 pl-4">
              {organization.history.map((event, index) => (
                <li key={`${event.at}-${index}`}>
                  <p>
                    <time dateTime={event.at} className="text-slate-600">
                      {date(event.at)}
                    </time>{" "}
                    — <span className="font-medium">{t(historyLineKey(event.event, event.category))}</span>
                  </p>
                  {event.reason && (
                    <p className="text-slate-700">
                      {t("reason")}: {event.reason}
                    </p>
                  )}
                </li>
              ))}
            </ol>
          </>
        )}
      </section>

      {(organization.coalitions.length > 0 || organization.members.length > 0) && (
        <section aria-labelledby="org-coalition" className="space-y-3">
          <h2 id="org-coalition" className="text-xl font-semibold">
            {t("coalitionTitle")}
          </h2>
          {organization.coalitions.length > 0 && <CoalitionLinks title={t("memberOf")} links={organization.coalitions} />}
          {organization.members.length > 0 && <CoalitionLinks title={t("membersTitle")} links={organization.members} />}
        </section>
      )}

      <section aria-labelledby="org-meetings" className="space-y-3">
        <h2 id="org-meetings" className="text-xl font-semibold">
          {t("meetingsTitle")}
        </h2>
        {meetings.past.length > 0 ? <MeetingList meetings={meetings.past} /> : <p className="text-slate-700">{t("noMeetings")}</p>}
      </section>
      {meetings.upcoming.length > 0 && (
        <section aria-labelledby="org-upcoming-meetings" className="space-y-3">
          <h2 id="org-upcoming-meetings" className="text-xl font-semibold">
            {t("upcomingMeetingsTitle")}
          </h2>
          <MeetingList meetings={meetings.upcoming} />
        </section>
      )}
    </article>
  );
}
