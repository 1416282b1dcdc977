import { setRequestLocale } from "next-intl/server";
import { adoptLocaleIfUnset } from "@/db/queries/users";
import { redirect } from "@/lib/i18n/navigation";
import { can } from "@/lib/permissions";
import { getActor } from "@/lib/session";

/** Where a magic link lands by default: each role goes to its own area, in its own language. */
export default async function WelcomePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale as "es");
  const actor = await getActor();
  if (!actor) return redirect({ href: "/sign-in", locale: locale as "es" });
  await adoptLocaleIfUnset(actor, locale as "es");
  const home = can(actor.role, "secretariat:access") ? "/secretariat" : "/applicant";
  return redirect({ href: home, locale: actor.locale ?? (locale as "es") });
}
