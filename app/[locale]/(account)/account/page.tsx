import { getTranslations } from "next-intl/server";
import { EraseAccountForm } from "@/components/account/erase-account-form";
import { StaffNoticesForm } from "@/components/account/staff-notices-form";
import { PrivacyNoticeLink } from "@/components/privacy/privacy-notice-link";
import { getStaffNoticePreference } from "@/db/queries/staff-notice-preference";
import { can } from "@/lib/permissions";
import { requirePageActor } from "@/lib/server/session";
import { setPageLocale } from "@/lib/i18n/page-locale";
import { titleMetadata } from "@/lib/i18n/title-metadata";
import { eraseOwnAccountAction, updateStaffNoticesAction } from "./actions";

export const generateMetadata = titleMetadata("Account", "title", { robots: { index: false } });

export default async function AccountPage({ params }: PageProps<"/[locale]/account">) {
  const locale = await setPageLocale(params);
  const actor = await requirePageActor("account:manage-own", "/account");
  const t = await getTranslations("Account");
  const staffNotices = can(actor.role, "staff-notices:manage-own") ? await getStaffNoticePreference(actor) : null;
  return (
    <div className="max-w-3xl space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold text-brand-800">{t("title")}</h1>
        <p className="text-slate-700">{t("lead", { email: actor.email })}</p>
        <PrivacyNoticeLink />
      </header>
      <section aria-labelledby="download" className="space-y-3">
        <h2 id="download" className="text-xl font-semibold">
          {t("downloadTitle")}
        </h2>
        <p>{t("download")}</p>
        <a
          href={`/api/account/export?locale=${locale}`}
          download
          className="inline-block rounded-md bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-800"
        >
          {t("downloadButton")}
        </a>
      </section>
      {staffNotices !== null && (
        <section aria-labelledby="notices" className="space-y-3">
          <h2 id="notices" className="text-xl font-semibold">
            {t("noticesTitle")}
          </h2>
          <p>{t("noticesLead")}</p>
          <StaffNoticesForm action={updateStaffNoticesAction} enabled={staffNotices} />
        </section>
      )}
      <section aria-labelledby="erase" className="space-y-3 rounded-lg border-2 border-red-200 p-4">
        <h2 id="erase" className="text-xl font-semibold">
          {t("eraseTitle")}
        </h2>
        <p>{t("eraseLead")}</p>
        <p>{t("eraseKeeps")}</p>
        <EraseAccountForm action={eraseOwnAccountAction} />
      </section>
    </div>
  );
}
