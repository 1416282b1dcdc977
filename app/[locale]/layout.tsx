import type { Metadata } from "next";
import localFont from "next/font/local";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { ClientMessagesProvider } from "@/components/layout/client-messages-provider";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { PUBLIC_CLIENT_NAMESPACES } from "@/lib/i18n/client-messages";
import { routing } from "@/lib/i18n/routing";
import { localeOf, setPageLocale } from "@/lib/i18n/page-locale";
import { rememberLocaleAction, signOutAction } from "./actions";
import "../globals.css";

const inter = localFont({
  src: [
    { path: "../../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2", style: "normal" },
    { path: "../../node_modules/@fontsource-variable/inter/files/inter-latin-ext-wght-normal.woff2", style: "normal" },
  ],
  variable: "--font-inter",
  display: "swap",
});

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: LayoutProps<"/[locale]">): Promise<Metadata> {
  const locale = await localeOf(params);
  const t = await getTranslations({ locale, namespace: "Metadata" });
  return { title: { default: t("title"), template: `%s · ${t("title")}` }, description: t("description") };
}

export default async function LocaleLayout({ children, params }: LayoutProps<"/[locale]">) {
  // Rendered per request: Next puts the request's CSP nonce on its scripts, which a page
  // prerendered at build time could not carry (the public register's data stays cached).
  await connection();
  const locale = await setPageLocale(params);
  const t = await getTranslations("Nav");
  return (
    <html lang={locale} className={inter.variable}>
      <body className="flex min-h-screen flex-col bg-white font-sans text-slate-900 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          {t("skipToContent")}
        </a>
        <ClientMessagesProvider namespaces={PUBLIC_CLIENT_NAMESPACES}>
          <SiteHeader signOutAction={signOutAction} rememberLocaleAction={rememberLocaleAction} />
          <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
            {children}
          </main>
          <SiteFooter />
        </ClientMessagesProvider>
      </body>
    </html>
  );
}
