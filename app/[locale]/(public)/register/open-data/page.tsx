import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ACCREDITATION_CATEGORIES, CSM_COUNTRIES, ORGANIZATION_TYPES, THEMES } from "@/lib/domain";
import { OPEN_DATA_FIELDS } from "@/lib/server/register-open-data";
import { PUBLIC_ACCREDITATION_STATUSES, REGIONAL, REGISTER_SORTS } from "@/lib/register-query";
import { pageMetadata } from "@/lib/seo";
import { localeOf, setPageLocale } from "@/lib/i18n/page-locale";

type Props = PageProps<"/[locale]/register/open-data">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeOf(params);
  const t = await getTranslations({ locale, namespace: "OpenData" });
  return pageMetadata(locale, "/register/open-data", t("title"), t("description"));
}

const PARAMETERS = {
  q: "text",
  country: [...CSM_COUNTRIES, REGIONAL].join(", "),
  category: ACCREDITATION_CATEGORIES.join(", "),
  status: PUBLIC_ACCREDITATION_STATUSES.join(", "),
  type: ORGANIZATION_TYPES.join(", "),
  theme: THEMES.join(", "),
  sort: REGISTER_SORTS.join(", "),
  page: "1, 2, …",
  per_page: "1–100",
} as const;

export default async function OpenDataPage({ params }: PageProps<"/[locale]/register/open-data">) {
  const locale = await setPageLocale(params);
  const t = await getTranslations("OpenData");
  const examples = [
    `/api/register.csv?lang=${locale}`,
    `/api/register.json?country=CL&lang=${locale}`,
    `/api/v1/organizations?page=1&per_page=10&lang=${locale}`,
    `/api/v1/organizations?q=migrante&theme=integration&lang=${locale}`,
    `/api/v1/organizations/caref?lang=${locale}`,
  ];
  const h2 = "text-2xl font-semibold";
  const cell = "border border-slate-200 px-2 py-1 align-top text-left";
  return (
    <div className="space-y-10">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold text-brand-800">{t("title")}</h1>
        <p className="max-w-3xl text-lg text-slate-700">{t("lead")}</p>
      </header>

      <section aria-labelledby="downloads" className="space-y-2">
        <h2 id="downloads" className={h2}>
          {t("downloadsTitle")}
        </h2>
        <p className="max-w-3xl text-slate-700">{t("downloadsLead")}</p>
        <ul className="list-disc space-y-1 pl-6">
          <li>
            <a href={`/api/register.csv?lang=${locale}`} className="font-mono text-brand-700 underline">
              /api/register.csv
            </a>
            : {t("csv")}
          </li>
          <li>
            <a href={`/api/register.json?lang=${locale}`} className="font-mono text-brand-700 underline">
              /api/register.json
            </a>
            : {t("json")}
          </li>
        </ul>
      </section>

      <section aria-labelledby="api" className="space-y-3">
        <h2 id="api" className={h2}>
          {t("apiTitle")}
        </h2>
        <p className="font-mono">GET /api/v1/organizations</p>
        <p className="font-mono">GET /api/v1/organizations/&#123;slug&#125;</p>
        <p className="max-w-3xl text-slate-700">{t("apiLead")}</p>
        <pre className="overflow-x-auto rounded-md bg-slate-100 p-3 text-sm" tabIndex={0} aria-label={t("apiTitle")}>
          {`{
  "data": [ { "slug": "caref", "name": "…", … } ],
  "meta": { "page": 1, "per_page": 20, "total": 14, "page_count": 1 },
  "links": { "self": "…", "first": "…", "last": "…", "prev": null, "next": null }
}`}
        </pre>
      </section>

      <section aria-labelledby="parameters" className="space-y-2">
        <h2 id="parameters" className={h2}>
          {t("parametersTitle")}
        </h2>
        <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-labelledby="parameters">
          <table className="min-w-full border-collapse text-sm">
            <thead>
              <tr>
                <th scope="col" className={cell}>
                  {t("parameter")}
                </th>
                <th scope="col" className={cell}>
                  {t("meaning")}
                </th>
                <th scope="col" className={cell}>
                  {t("values")}
                </th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(PARAMETERS).map(([name, values]) => (
                <tr key={name}>
                  <th scope="row" className={`${cell} font-mono`}>
                    {name}
                  </th>
                  <td className={cell}>{t(`params.${name as keyof typeof PARAMETERS}`)}</td>
                  <td className={`${cell} font-mono`}>{values}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="fields" className="space-y-2">
        <h2 id="fields" className={h2}>
          {t("fieldsTitle")}
        </h2>
        <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-labelledby="fields">
          <table className="min-w-full border-collapse text-sm">
            <thead>
              <tr>
                <th scope="col" className={cell}>
                  {t("field")}
                </th>
                <th scope="col" className={cell}>
                  {t("meaning")}
                </th>
              </tr>
            </thead>
            <tbody>
              {OPEN_DATA_FIELDS.map((field) => (
                <tr key={field}>
                  <th scope="row" className={`${cell} font-mono`}>
                    {field}
                  </th>
                  <td className={cell}>{t(`fields.${field}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="examples" className="space-y-2">
        <h2 id="examples" className={h2}>
          {t("exampleTitle")}
        </h2>
        <ul className="space-y-1">
          {examples.map((href) => (
            <li key={href}>
              <a href={href} className="break-all font-mono text-sm text-brand-700 underline">
                {href}
              </a>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
