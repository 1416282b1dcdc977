import { ClientMessagesProvider } from "@/components/layout/client-messages-provider";
import { SIGNED_IN_CLIENT_NAMESPACES } from "@/lib/i18n/client-messages";

export default function AccountLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessagesProvider namespaces={SIGNED_IN_CLIENT_NAMESPACES}>{children}</ClientMessagesProvider>;
}
