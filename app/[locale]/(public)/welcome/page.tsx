import { adoptLocaleIfUnset } from "@/db/queries/users";
import { redirect } from "@/lib/i18n/navigation";
import { can } from "@/lib/permissions";
import { getActor } from "@/lib/server/session";
import { setPageLocale } from "@/lib/i18n/page-locale";

/** Where a magic link lands by default: each role goes to its own area, in its own language. */
export default async function WelcomePage({ params }: PageProps<"/[locale]/welcome">) {
  const locale = await setPageLocale(params);
  const actor = await getActor();
  if (!actor) return redirect({ href: "/sign-in", locale });
  await adoptLocaleIfUnset(actor, locale);
  const home = can(actor.role, "secretariat:access") ? "/secretariat" : can(actor.role, "consultation:answer") ? "/states" : "/applicant";
  return redirect({ href: home, locale: actor.locale ?? locale });
}
