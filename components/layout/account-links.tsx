"use client";

import { useLocale, useTranslations } from "next-intl";
import { Link } from "@/components/ui/link";
import { can } from "@/lib/permissions";
import { useAccount } from "./account-context";

type Props = {
  /** Labels from namespaces public pages do not send to the browser. */
  labels: { account: string; states: string };
  linkClass: string;
  signOutAction: (formData: FormData) => Promise<void>;
};

/** The header's links that depend on who is signed in: their areas, their account and signing out; or signing in. */
export function AccountLinks({ labels, linkClass, signOutAction }: Props) {
  const t = useTranslations("Nav");
  const tRole = useTranslations("Role");
  const locale = useLocale();
  const account = useAccount();
  if (!account) {
    return (
      <li>
        <Link href="/sign-in" className={`${linkClass} font-semibold`}>
          {t("signIn")}
        </Link>
      </li>
    );
  }
  return (
    <>
      {can(account.role, "application:read-own") && (
        <li>
          <Link href="/applicant" className={linkClass}>
            {t("applicant")}
          </Link>
        </li>
      )}
      {can(account.role, "secretariat:access") && (
        <li>
          <Link href="/secretariat" className={linkClass}>
            {t("secretariat")}
          </Link>
        </li>
      )}
      {can(account.role, "consultation:answer") && (
        <li>
          <Link href="/states" className={linkClass}>
            {labels.states}
          </Link>
        </li>
      )}
      <li>
        <Link href="/account" className={linkClass}>
          {labels.account}
        </Link>
      </li>
      <li className="flex items-center gap-2">
        <span className="text-slate-600">{t("signedInAs", { email: account.email, role: tRole(account.role) })}</span>
        <form action={signOutAction}>
          <input type="hidden" name="locale" value={locale} />
          <button type="submit" className={`${linkClass} underline`}>
            {t("signOut")}
          </button>
        </form>
      </li>
    </>
  );
}
