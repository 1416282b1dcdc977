import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";

export async function SiteFooter() {
  const [t, tPrivacy] = await Promise.all([getTranslations("Footer"), getTranslations("PrivacyNotice")]);
  return (
    <footer className="border-t border-slate-200 bg-slate-50">
      <div className="mx-auto max-w-5xl space-y-1 px-4 py-6 text-sm text-slate-700">
        <p>{t("about")}</p>
        <p>{t("secretariat")}</p>
        <p>
          <Link href="/privacy" className="text-brand-800 underline">
            {tPrivacy("navLabel")}
          </Link>
        </p>
      </div>
    </footer>
  );
}
