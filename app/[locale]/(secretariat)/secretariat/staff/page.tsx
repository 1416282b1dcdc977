import { getTranslations } from "next-intl/server";
import { InviteStaffForm, StaffRowForms } from "@/components/secretariat/staff-forms";
import { type Column, DataTable } from "@/components/ui/data-table";
import { ListPage } from "@/components/ui/list-page";
import { listStaff } from "@/db/queries/staff";
import { CSM_COUNTRIES } from "@/lib/domain";
import { requirePageActor } from "@/lib/server/session";
import { setPageLocale } from "@/lib/i18n/page-locale";
import { titleMetadata } from "@/lib/i18n/title-metadata";
import { changeStaffRoleAction, deactivateStaffAction, inviteStaffAction } from "./actions";

export const generateMetadata = titleMetadata("Staff");

export default async function StaffPage({ params }: PageProps<"/[locale]/secretariat/staff">) {
  const locale = await setPageLocale(params);
  const actor = await requirePageActor("staff:manage", "/secretariat/staff");
  const [t, tRole, tCountry, staff] = await Promise.all([getTranslations("Staff"), getTranslations("Role"), getTranslations("Country"), listStaff(actor)]);
  const columns: Column<(typeof staff)[number]>[] = [
    {
      key: "account",
      header: t("account"),
      rowHeader: true,
      cell: (member) => (
        <>
          <span className="block font-medium">{member.email}</span>
          {member.name && <span className="block text-slate-600">{member.name}</span>}
          {member.id === actor.id && <span className="text-slate-600">{t("you")}</span>}
        </>
      ),
    },
    {
      key: "role",
      header: t("role"),
      cell: (member) => (member.stateCountry ? t("roleOf", { role: tRole(member.role), country: tCountry(member.stateCountry as "AR") }) : tRole(member.role)),
    },
    { key: "state", header: t("state"), cell: (member) => (!member.active ? t("deactivated") : member.signedIn ? t("active") : t("pending")) },
    {
      key: "actions",
      header: t("actions"),
      cell: (member) =>
        member.active && (
          <StaffRowForms
            changeRole={member.role === "state" ? null : changeStaffRoleAction}
            deactivate={deactivateStaffAction}
            userId={member.id}
            email={member.email}
            role={member.role}
          />
        ),
    },
  ];
  return (
    <ListPage title={t("title")} lead={t("lead")}>
      <section aria-labelledby="invite-title" className="space-y-3 rounded-lg border border-slate-200 p-4">
        <h2 id="invite-title" className="text-lg font-semibold">
          {t("inviteTitle")}
        </h2>
        <InviteStaffForm
          action={inviteStaffAction}
          locale={locale}
          states={CSM_COUNTRIES.map((code) => ({ value: code, label: tCountry(code) })).sort((a, b) => a.label.localeCompare(b.label, locale))}
        />
      </section>
      <DataTable caption={t("tableCaption")} captionVisible columns={columns} rows={staff} rowKey={(member) => member.id} empty={null} rowTestId="staff-row" />
    </ListPage>
  );
}
