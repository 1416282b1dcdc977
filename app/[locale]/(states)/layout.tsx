import { ClientMessagesProvider } from "@/components/layout/client-messages-provider";
import { SIGNED_IN_CLIENT_NAMESPACES } from "@/lib/i18n/client-messages";
import { requirePageActor } from "@/lib/server/session";

export default async function StatesLayout({ children }: { children: React.ReactNode }) {
  await requirePageActor("consultation:answer", "/states");
  return <ClientMessagesProvider namespaces={SIGNED_IN_CLIENT_NAMESPACES}>{children}</ClientMessagesProvider>;
}
