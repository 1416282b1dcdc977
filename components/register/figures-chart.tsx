import { getTranslations } from "next-intl/server";
import type { CountryFigure, RegisterFigures } from "@/db/queries/public-register";
import { countryOrder } from "@/lib/country-order";
import type { Locale } from "@/lib/domain";

const SERIES = [
  { key: "participant", color: "#174c93" },
  { key: "observer", color: "#d97706" },
  { key: "suspended", color: "#94a3b8" },
] as const;

function rowsFor(figures: RegisterFigures, locale: Locale): CountryFigure[] {
  const empty = { participant: 0, observer: 0, suspended: 0, total: 0 };
  const rows: CountryFigure[] = countryOrder(locale).map((country) => figures.byCountry.find((row) => row.country === country) ?? { country, ...empty });
  const regional = figures.byCountry.find((row) => row.country === null);
  return regional ? [...rows, regional] : rows;
}

/**
 * Accredited organizations by country and status: a stacked bar per country drawn in SVG on
 * the server (no client script), with the same numbers in a table for screen readers.
 */
export async function FiguresChart({ figures, locale }: { figures: RegisterFigures; locale: Locale }) {
  const [t, tCountry] = await Promise.all([getTranslations("RegisterFigures"), getTranslations("Country")]);
  const rows = rowsFor(figures, locale);
  const max = Math.max(1, ...rows.map((row) => row.total));
  const name = (row: CountryFigure) => tCountry(row.country ?? "regional");
  return (
    <section aria-labelledby="register-figures" className="space-y-3">
      <h2 id="register-figures" className="text-xl font-semibold">
        {t("title")}
      </h2>
      <p className="text-slate-700">{t("lead", { total: figures.totals.total })}</p>
      <div aria-hidden="true" className="space-y-3">
        <ul className="flex flex-wrap gap-4 text-sm">
          {SERIES.map((series) => (
            <li key={series.key} className="flex items-center gap-2">
              <svg width="14" height="14" focusable="false">
                <rect width="14" height="14" rx="2" fill={series.color} />
              </svg>
              {t(series.key)} ({figures.totals[series.key]})
            </li>
          ))}
        </ul>
        <div className="grid grid-cols-[minmax(5.5rem,auto)_1fr_2rem] items-center gap-x-3 gap-y-1.5 text-sm">
          {rows.map((row) => {
            let x = 0;
            return (
              <div key={row.country ?? "regional"} className="contents" data-country={row.country ?? "regional"}>
                <span className="truncate">{name(row)}</span>
                <svg width="100%" height="18" focusable="false" className="block">
                  <rect x="0" y="0" width="100%" height="18" fill="#f1f5f9" />
                  {SERIES.map((series) => {
                    const width = (row[series.key] / max) * 100;
                    const rect = width > 0 ? <rect key={series.key} x={`${x}%`} y="0" width={`${width}%`} height="18" fill={series.color} /> : null;
                    x += width;
                    return rect;
                  })}
                </svg>
                <span className="text-right tabular-nums">{row.total}</span>
              </div>
            );
          })}
        </div>
      </div>
      {/* sr-only on the table itself would still lay it out at full width (tables ignore width: 1px). */}
      <div className="sr-only">
        <table>
          <caption>{t("tableCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("country")}</th>
              <th scope="col">{t("participant")}</th>
              <th scope="col">{t("observer")}</th>
              <th scope="col">{t("suspended")}</th>
              <th scope="col">{t("total")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.country ?? "regional"}>
                <th scope="row">{name(row)}</th>
                <td>{row.participant}</td>
                <td>{row.observer}</td>
                <td>{row.suspended}</td>
                <td>{row.total}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t("allCountries")}</th>
              <td>{figures.totals.participant}</td>
              <td>{figures.totals.observer}</td>
              <td>{figures.totals.suspended}</td>
              <td>{figures.totals.total}</td>
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}
