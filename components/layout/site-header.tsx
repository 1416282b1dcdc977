import { getLocale, getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { Link } from "@/lib/i18n/navigation";
import { isMailboxEnabled } from "@/lib/server/mail";
import { can } from "@/lib/permissions";
import { getActor } from "@/lib/server/session";
import { LocaleSwitcher } from "./locale-switcher";

const linkClass = "rounded px-2 py-1 text-brand-800 hover:bg-brand-50";

type Props = {
  signOutAction: (formData: FormData) => Promise<void>;
  rememberLocaleAction: (locale: string) => Promise<void>;
};

export async function SiteHeader({ signOutAction, rememberLocaleAction }: Props) {
  const [t, tRole, tRegister, tTakePart, tAccount, tStates, actor, locale] = await Promise.all([
    getTranslations("Nav"),
    getTranslations("Role"),
    getTranslations("Register"),
    getTranslations("HowToTakePart"),
    getTranslations("Account"),
    getTranslations("States"),
    getActor(),
    getLocale(),
  ]);
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="text-lg font-bold text-brand-800">
          {t("brand")}
        </Link>
        <nav aria-label={t("main")}>
          <ul className="flex flex-wrap items-center gap-1 text-sm">
            <li>
              <Link href="/" className={linkClass}>
                {t("home")}
              </Link>
            </li>
            <li>
              <Link href="/register" className={linkClass}>
                {tRegister("navLabel")}
              </Link>
            </li>
            <li>
              <Link href="/how-to-take-part" className={linkClass}>
                {tTakePart("navLabel")}
              </Link>
            </li>
            {can(actor?.role, "application:read-own") && (
              <li>
                <Link href="/applicant" className={linkClass}>
                  {t("applicant")}
                </Link>
              </li>
            )}
            {can(actor?.role, "secretariat:access") && (
              <li>
                <Link href="/secretariat" className={linkClass}>
                  {t("secretariat")}
                </Link>
              </li>
            )}
            {can(actor?.role, "consultation:answer") && (
              <li>
                <Link href="/states" className={linkClass}>
                  {tStates("nav")}
                </Link>
              </li>
            )}
            {isMailboxEnabled() && (
              <li>
                <Link href="/mailbox" className={linkClass}>
                  {t("mailbox")}
                </Link>
              </li>
            )}
            {actor && (
              <li>
                <Link href="/account" className={linkClass}>
                  {tAccount("navLabel")}
                </Link>
              </li>
            )}
            {actor ? (
              <li className="flex items-center gap-2">
                <span className="text-slate-600">{t("signedInAs", { email: actor.email, role: tRole(actor.role) })}</span>
                <form action={signOutAction}>
                  <input type="hidden" name="locale" value={locale} />
                  <button type="submit" className={`${linkClass} underline`}>
                    {t("signOut")}
                  </button>
                </form>
              </li>
            ) : (
              <li>
                <Link href="/sign-in" className={`${linkClass} font-semibold`}>
                  {t("signIn")}
                </Link>
              </li>
            )}
          </ul>
        </nav>
        <Suspense>
          <LocaleSwitcher signedIn={actor !== null} rememberLocaleAction={rememberLocaleAction} />
        </Suspense>
      </div>
    </header>
  );
}
