import { ClientMessagesProvider } from "@/components/layout/client-messages-provider";
import { CLIENT_NAMESPACES_BY_AREA } from "@/lib/i18n/client-messages";
import { requirePageActor } from "@/lib/server/session";

export default async function ApplicantLayout({ children }: { children: React.ReactNode }) {
  await requirePageActor("application:read-own", "/applicant");
  return <ClientMessagesProvider namespaces={CLIENT_NAMESPACES_BY_AREA.applicant}>{children}</ClientMessagesProvider>;
}
