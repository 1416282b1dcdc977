import { getTranslations } from "next-intl/server";

export async function SiteFooter() {
  const t = await getTranslations("Footer");
  return (
    <footer className="border-t border-slate-200 bg-slate-50">
      <div className="mx-auto max-w-5xl space-y-1 px-4 py-6 text-sm text-slate-700">
        <p>{t("about")}</p>
        <p>{t("secretariat")}</p>
      </div>
    </footer>
  );
}
