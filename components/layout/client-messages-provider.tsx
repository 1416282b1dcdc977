import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { pickMessages } from "@/lib/i18n/client-messages";
import type { Messages } from "@/lib/i18n/messages";

export async function ClientMessagesProvider({ namespaces, children }: { namespaces: readonly (keyof Messages)[]; children: React.ReactNode }) {
  const messages = (await getMessages()) as Messages;
  return <NextIntlClientProvider messages={pickMessages(messages, namespaces)}>{children}</NextIntlClientProvider>;
}
