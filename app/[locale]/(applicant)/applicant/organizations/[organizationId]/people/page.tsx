import { PageHeader } from "@/components/ui/page-header";
import { PrivacyNoticeLink } from "@/components/privacy/privacy-notice-link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { InviteForm } from "@/components/applicant/application-forms";
import { listOrganizationPeople } from "@/db/queries/organization-invitations";
import { requirePageActor } from "@/lib/server/session";
import { setPageLocale } from "@/lib/i18n/page-locale";
import { titleMetadata } from "@/lib/i18n/title-metadata";
import { inviteColleagueAction } from "../../../actions";

export const generateMetadata = titleMetadata("ApplicantPeople");

export default async function OrganizationPeoplePage({ params }: PageProps<"/[locale]/applicant/organizations/[organizationId]/people">) {
  await setPageLocale(params);
  const { organizationId } = await params;
  const actor = await requirePageActor("organization:manage-own", `/applicant/organizations/${organizationId}/people`);
  const people = await listOrganizationPeople(actor, organizationId);
  if (!people) notFound();
  const [t, format] = await Promise.all([getTranslations("ApplicantPeople"), getFormatter()]);
  return (
    <section className="space-y-6">
      <PageHeader back={{ href: "/applicant", label: t("back") }} title={t("title")} lead={t("lead", { organization: people.organizationName })} />
      <PrivacyNoticeLink />
      <h2 className="text-xl font-semibold">{t("members")}</h2>
      <ul className="list-disc space-y-1 pl-6">
        {people.members.map((member) => (
          <li key={member.email} className="break-all">
            {member.name ? `${member.name} · ` : ""}
            {member.email} ({t(`role.${member.role}`)})
          </li>
        ))}
      </ul>
      {people.pending.length > 0 && (
        <>
          <h2 className="text-xl font-semibold">{t("pending")}</h2>
          <ul className="list-disc space-y-1 pl-6">
            {people.pending.map((invitation) => (
              <li key={invitation.email} className="break-all">
                {invitation.email} · {format.dateTime(invitation.invitedAt, { dateStyle: "medium" })}
              </li>
            ))}
          </ul>
        </>
      )}
      <h2 className="text-xl font-semibold">{t("inviteTitle")}</h2>
      <p className="max-w-2xl text-slate-700">{t("inviteLead")}</p>
      <InviteForm organizationId={organizationId} action={inviteColleagueAction} />
    </section>
  );
}
