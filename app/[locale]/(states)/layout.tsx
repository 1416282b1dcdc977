import { ClientMessagesProvider } from "@/components/layout/client-messages-provider";
import { CLIENT_NAMESPACES_BY_AREA } from "@/lib/i18n/client-messages";
import { requirePageActor } from "@/lib/server/session";

export default async function StatesLayout({ children }: { children: React.ReactNode }) {
  await requirePageActor("consultation:answer", "/states");
  return <ClientMessagesProvider namespaces={CLIENT_NAMESPACES_BY_AREA.states}>{children}</ClientMessagesProvider>;
}
