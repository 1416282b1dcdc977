import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { LinkifiedText } from "@/components/mail/linkified-text";
import { listOutbox } from "@/db/queries/outbox";
import { isMailboxEnabled } from "@/lib/server/mail";
import { setPageLocale } from "@/lib/i18n/page-locale";
import { titleMetadata } from "@/lib/i18n/title-metadata";

export const generateMetadata = titleMetadata("Mailbox", "title", { robots: { index: false } });

export default async function MailboxPage({ params }: PageProps<"/[locale]/mailbox">) {
  if (!isMailboxEnabled()) notFound();
  await setPageLocale(params);
  const [t, format, messages] = await Promise.all([getTranslations("Mailbox"), getFormatter(), listOutbox()]);
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="max-w-2xl text-slate-700">{t("lead")}</p>
      {messages.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ul className="space-y-4">
          {messages.map((message) => (
            <li key={message.id} className="rounded-lg border border-slate-200 p-4">
              <article aria-label={message.subject}>
                <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm">
                  <dt className="font-medium">{t("to")}</dt>
                  <dd data-testid="mail-to">{message.to}</dd>
                  <dt className="font-medium">{t("subject")}</dt>
                  <dd>{message.subject}</dd>
                  <dt className="font-medium">{t("date")}</dt>
                  <dd>{format.dateTime(message.createdAt, { dateStyle: "medium", timeStyle: "medium" })}</dd>
                  <dt className="font-medium">{t("status")}</dt>
                  <dd>{t(message.status as "pending" | "sent" | "failed")}</dd>
                </dl>
                <div className="mt-3 whitespace-pre-wrap break-words text-sm">
                  <LinkifiedText text={message.text} />
                </div>
              </article>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
