import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { Link } from "@/components/ui/link";
import { PAGE_FILL_HEADER } from "@/lib/server/page-cache/cacheable-request";
import { isMailboxEnabled } from "@/lib/server/mail";
import { getActor } from "@/lib/server/session";
import { type AccountSummary, AccountProvider } from "./account-context";
import { AccountLinks } from "./account-links";
import { LocaleSwitcher } from "./locale-switcher";

const linkClass = "rounded px-2 py-1 text-brand-800 hover:bg-brand-50";

type Props = {
  signOutAction: (formData: FormData) => Promise<void>;
  rememberLocaleAction: (locale: string) => Promise<void>;
};

export async function SiteHeader({ signOutAction, rememberLocaleAction }: Props) {
  const [t, tRegister, tTakePart, tAccount, tStates, account] = await Promise.all([
    getTranslations("Nav"),
    getTranslations("Register"),
    getTranslations("HowToTakePart"),
    getTranslations("Account"),
    getTranslations("States"),
    accountOfRequest(),
  ]);
  return (
    <AccountProvider account={account}>
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
              {isMailboxEnabled() && (
                <li>
                  <Link href="/mailbox" className={linkClass}>
                    {t("mailbox")}
                  </Link>
                </li>
              )}
              <AccountLinks labels={{ account: tAccount("navLabel"), states: tStates("nav") }} linkClass={linkClass} signOutAction={signOutAction} />
            </ul>
          </nav>
          <Suspense>
            <LocaleSwitcher rememberLocaleAction={rememberLocaleAction} />
          </Suspense>
        </div>
      </header>
    </AccountProvider>
  );
}

/** The visitor's account; undefined for the page cache's render, which is for anyone (lib/server/page-cache). */
async function accountOfRequest(): Promise<AccountSummary | null | undefined> {
  if ((await headers()).has(PAGE_FILL_HEADER)) return undefined;
  const actor = await getActor();
  return actor && { email: actor.email, role: actor.role };
}
