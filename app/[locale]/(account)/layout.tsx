import { ClientMessagesProvider } from "@/components/layout/client-messages-provider";
import { CLIENT_NAMESPACES_BY_AREA } from "@/lib/i18n/client-messages";

export default function AccountLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessagesProvider namespaces={CLIENT_NAMESPACES_BY_AREA.account}>{children}</ClientMessagesProvider>;
}
