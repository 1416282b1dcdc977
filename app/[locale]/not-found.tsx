import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";

export default async function NotFound() {
  const t = await getTranslations("NotFound");
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p>{t("text")}</p>
      <Link href="/" className="text-brand-700 underline">
        {t("back")}
      </Link>
    </section>
  );
}
