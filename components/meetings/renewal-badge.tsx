import { getTranslations } from "next-intl/server";

/** Marks a renewal wherever the secretariat lists or opens applications. */
export async function RenewalBadge() {
  const t = await getTranslations("ApplicationKind");
  return (
    <span data-testid="renewal-badge" className="rounded-full border border-amber-600 bg-amber-50 px-2 py-0.5 text-sm font-medium text-amber-900">
      {t("renewal")}
    </span>
  );
}
