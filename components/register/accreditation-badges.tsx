import { getTranslations } from "next-intl/server";
import type { AccreditationCategory } from "@/lib/domain";
import type { PublicAccreditationStatus } from "@/lib/register-query";

export async function AccreditationBadges({ category, status }: { category: AccreditationCategory; status: PublicAccreditationStatus }) {
  const [t, tCategory] = await Promise.all([getTranslations("Register"), getTranslations("Category")]);
  return (
    <p className="flex flex-wrap gap-2 text-sm">
      <span className={`rounded-full px-2 py-0.5 font-medium ${category === "participant" ? "bg-brand-50 text-brand-800" : "bg-amber-50 text-amber-900"}`}>
        {tCategory(category)}
      </span>
      {status === "suspended" && <span className="rounded-full border border-red-300 bg-red-50 px-2 py-0.5 font-medium text-red-800">{t("suspended")}</span>}
    </p>
  );
}
