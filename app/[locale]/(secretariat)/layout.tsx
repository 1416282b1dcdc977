import { getTranslations } from "next-intl/server";
import { ClientMessagesProvider } from "@/components/layout/client-messages-provider";
import { SubNav } from "@/components/secretariat/sub-nav";
import { CLIENT_NAMESPACES_BY_AREA } from "@/lib/i18n/client-messages";
import { can } from "@/lib/permissions";
import { requirePageActor } from "@/lib/server/session";

export default async function SecretariatLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor("secretariat:access", "/secretariat");
  const [t, tOrganizations, tMeetings, tDeliveries] = await Promise.all([
    getTranslations("Secretariat"),
    getTranslations("AccreditedOrganizations"),
    getTranslations("Meetings"),
    getTranslations("Deliveries"),
  ]);
  const items = [
    { href: "/secretariat", label: t("navDashboard") },
    { href: "/secretariat/applications", label: t("navQueue") },
    { href: "/secretariat/organizations", label: tOrganizations("nav") },
    { href: "/secretariat/meetings", label: tMeetings("nav") },
    ...(can(actor.role, "staff:manage") ? [{ href: "/secretariat/staff", label: t("navStaff") }] : []),
    ...(can(actor.role, "audit:read") ? [{ href: "/secretariat/audit", label: t("navAudit") }] : []),
    ...(can(actor.role, "delivery:manage") ? [{ href: "/secretariat/deliveries", label: tDeliveries("nav") }] : []),
  ];
  return (
    <ClientMessagesProvider namespaces={CLIENT_NAMESPACES_BY_AREA.secretariat}>
      <SubNav label={t("subnav")} items={items} />
      {children}
    </ClientMessagesProvider>
  );
}
