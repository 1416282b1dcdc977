import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";

/** Shown beside every form that collects personal data. */
export async function PrivacyNoticeLink() {
  const t = await getTranslations("PrivacyNotice");
  return (
    <p className="text-sm text-slate-600">
      <Link href="/privacy" className="text-brand-800 underline">
        {t("formNotice")}
      </Link>
    </p>
  );
}
