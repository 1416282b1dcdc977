import { getTranslations } from "next-intl/server";
import type { ProfileChangeView } from "@/db/queries/profile-changes";
import { PUBLIC_PROFILE_FIELDS, type PublicProfileField } from "@/lib/profile-change-schemas";

/** Each changed public field: what the register shows now, and what the organization proposed. */
export async function ProfileChangeTable({ change, caption }: { change: ProfileChangeView; caption: string }) {
  const [t, tChoices, tCountry] = await Promise.all([getTranslations("ProfileChange"), getTranslations("ApplicantChoices"), getTranslations("Country")]);
  const shown = (field: PublicProfileField, value: unknown): string => {
    if (value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) return t("empty");
    if (field === "isCoalition") return value ? t("yes") : t("no");
    if (field === "type") return tChoices(`type.${value}` as "type.ngo");
    if (field === "country") return tCountry(value as "AR");
    if (field === "countriesOfWork") return (value as string[]).map((code) => tCountry(code as "AR")).join(", ");
    if (field === "themes") return (value as string[]).map((theme) => tChoices(`theme.${theme}` as "theme.asylum")).join(", ");
    if (field === "coalitionMembers") {
      return (value as { name: string; country: string | null }[])
        .map(({ name, country }) => (country ? `${name} (${tCountry(country as "AR")})` : name))
        .join("\n");
    }
    return String(value);
  };
  const fields = PUBLIC_PROFILE_FIELDS.filter((field) => field in change.after);
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm" data-testid="profile-change">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="py-2 pr-3">
              {t("fieldColumn")}
            </th>
            <th scope="col" className="py-2 pr-3">
              {t("beforeColumn")}
            </th>
            <th scope="col" className="py-2">
              {t("afterColumn")}
            </th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => (
            <tr key={field} className="border-b border-slate-200 align-top">
              <th scope="row" className="py-2 pr-3 font-medium">
                {t(`field.${field}`)}
              </th>
              <td className="py-2 pr-3 break-words whitespace-pre-wrap">{shown(field, change.before[field])}</td>
              <td className="py-2 break-words whitespace-pre-wrap">{shown(field, change.after[field])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
