import "server-only";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import type { Adapter, AdapterUser } from "next-auth/adapters";
import NextAuth from "next-auth";
import type { EmailConfig } from "next-auth/providers";
import { getDb } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import type { Locale, Role } from "@/lib/domain";
import { toLocale, translator } from "@/lib/i18n/messages";
import { mailFrom, sendEmail } from "@/lib/mail";
import { servedOverHttps } from "@/lib/security-headers";

type PortalUser = AdapterUser & { role: Role; locale: Locale | null; deactivatedAt: Date | null };

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name?: string | null; role: Role; locale: Locale | null };
  }
}

/** The locale the sign-in started from, carried in the magic link's callback URL (/es/…, /pt/…). */
export function localeOfCallback(magicLink: string): Locale {
  const callback = new URL(magicLink).searchParams.get("callbackUrl") ?? "";
  const path = callback.startsWith("/") ? callback : new URL(callback, "http://x").pathname;
  return toLocale(path.split("/")[1]);
}

const emailProvider: EmailConfig = {
  id: "email",
  type: "email",
  name: "E-mail",
  from: mailFrom(),
  maxAge: 60 * 60,
  async sendVerificationRequest({ identifier, url }) {
    const t = translator(localeOfCallback(url), "Email.signIn");
    await sendEmail({
      to: identifier,
      subject: t("subject"),
      text: `${t("body")}\n\n${url}\n\n${t("footer")}`,
    }, "sign-in");
  },
};

export async function withoutDeactivatedUsers(): Promise<Adapter> {
  const base = DrizzleAdapter(await getDb(), {
    usersTable: users,
    accountsTable: accounts,
    sessionsTable: sessions,
    verificationTokensTable: verificationTokens,
  });
  return {
    ...base,
    // Checked on every request that reads the session: deactivation takes effect at once.
    async getSessionAndUser(sessionToken) {
      const found = await base.getSessionAndUser!(sessionToken);
      return found && !(found.user as PortalUser).deactivatedAt ? found : null;
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(async () => ({
  adapter: await withoutDeactivatedUsers(),
  session: { strategy: "database", maxAge: 30 * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
  // httpOnly and SameSite=Lax always (Auth.js's defaults); Secure and the __Secure- prefix by the
  // same rule as HSTS, so the portal's idea of "production over HTTPS" is one.
  useSecureCookies: servedOverHttps(),
  providers: [emailProvider],
  // Locale-free paths: the proxy sends each visitor on to their own language.
  pages: { signIn: "/sign-in", verifyRequest: "/sign-in/check-email", error: "/sign-in" },
  callbacks: {
    async signIn({ user }) {
      return !(user as Partial<PortalUser>).deactivatedAt;
    },
    async session({ session, user }) {
      const portalUser = user as PortalUser;
      return {
        ...session,
        user: {
          id: portalUser.id,
          email: portalUser.email,
          name: portalUser.name,
          role: portalUser.role,
          locale: portalUser.locale,
        },
      };
    },
  },
  events: {
    async signIn({ user }) {
      const portalUser = user as PortalUser;
      if (portalUser.role === "applicant") return;
      await recordAudit(await getDb(), {
        actorId: portalUser.id ?? null,
        action: "staff.sign_in",
        targetType: "user",
        targetId: portalUser.id,
      });
    },
  },
}));
