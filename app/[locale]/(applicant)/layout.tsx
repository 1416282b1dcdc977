import { ClientMessagesProvider } from "@/components/layout/client-messages-provider";
import { SIGNED_IN_CLIENT_NAMESPACES } from "@/lib/i18n/client-messages";
import { requirePageActor } from "@/lib/server/session";

export default async function ApplicantLayout({ children }: { children: React.ReactNode }) {
  await requirePageActor("application:read-own", "/applicant");
  return <ClientMessagesProvider namespaces={SIGNED_IN_CLIENT_NAMESPACES}>{children}</ClientMessagesProvider>;
}
