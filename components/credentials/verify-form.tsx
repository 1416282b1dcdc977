import { getTranslations } from "next-intl/server";
import { inputClass } from "@/components/ui/form";

/** A plain GET form: works without JavaScript, and the code lands in the page's address. */
export async function VerifyForm({ locale, defaultValue = "" }: { locale: string; defaultValue?: string }) {
  const t = await getTranslations("Verify");
  return (
    <form method="get" action={`/${locale}/verify`} className="max-w-md space-y-2">
      <label htmlFor="verify-code" className="block font-semibold">
        {t("code")}
      </label>
      <p id="verify-code-hint" className="text-sm text-slate-600">
        {t("codeHint")}
      </p>
      <input
        id="verify-code"
        name="code"
        defaultValue={defaultValue}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        aria-describedby="verify-code-hint"
        className={inputClass}
      />
      <button type="submit" className="min-h-11 rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
        {t("check")}
      </button>
    </form>
  );
}
