import { getTranslations } from "next-intl/server";
import { InviteStaffForm, StaffRowForms } from "@/components/secretariat/staff-forms";
import { listStaff } from "@/db/queries/staff";
import { requirePageActor } from "@/lib/session";
import { setPageLocale } from "@/lib/i18n/page-locale";
import { titleMetadata } from "@/lib/i18n/title-metadata";
import { changeStaffRoleAction, deactivateStaffAction, inviteStaffAction } from "./actions";

export const generateMetadata = titleMetadata("Staff");

export default async function StaffPage({ params }: PageProps<"/[locale]/secretariat/staff">) {
  const locale = await setPageLocale(params);
  const actor = await requirePageActor("staff:manage", "/secretariat/staff");
  const [t, tRole, staff] = await Promise.all([getTranslations("Staff"), getTranslations("Role"), listStaff(actor)]);
  return (
    <section className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-slate-700">{t("lead")}</p>
      <section aria-labelledby="invite-title" className="space-y-3 rounded-lg border border-slate-200 p-4">
        <h2 id="invite-title" className="text-lg font-semibold">
          {t("inviteTitle")}
        </h2>
        <InviteStaffForm action={inviteStaffAction} locale={locale} />
      </section>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="mb-2 text-left text-lg font-semibold">{t("tableCaption")}</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-2 pr-3">
                {t("account")}
              </th>
              <th scope="col" className="py-2 pr-3">
                {t("role")}
              </th>
              <th scope="col" className="py-2 pr-3">
                {t("state")}
              </th>
              <th scope="col" className="py-2 pr-3">
                {t("actions")}
              </th>
            </tr>
          </thead>
          <tbody>
            {staff.map((member) => (
              <tr key={member.id} className="border-b border-slate-100 align-top" data-testid="staff-row">
                <th scope="row" className="py-2 pr-3 font-normal">
                  <span className="block font-medium">{member.email}</span>
                  {member.name && <span className="block text-slate-600">{member.name}</span>}
                  {member.id === actor.id && <span className="text-slate-600">{t("you")}</span>}
                </th>
                <td className="py-2 pr-3">{tRole(member.role)}</td>
                <td className="py-2 pr-3">{!member.active ? t("deactivated") : member.signedIn ? t("active") : t("pending")}</td>
                <td className="py-2 pr-3">
                  {member.active && (
                    <StaffRowForms
                      changeRole={changeStaffRoleAction}
                      deactivate={deactivateStaffAction}
                      userId={member.id}
                      email={member.email}
                      role={member.role}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
