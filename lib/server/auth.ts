import "server-only";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import type { Adapter, AdapterUser } from "next-auth/adapters";
import NextAuth from "next-auth";
import { getDb } from "@/db/client";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import type { Locale, Role } from "@/lib/domain";
import { servedOverHttps } from "@/lib/env";

type PortalUser = AdapterUser & { role: Role; locale: Locale | null; deactivatedAt: Date | null; stateCountry: string | null };

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name?: string | null; role: Role; locale: Locale | null; stateCountry: string | null };
  }
}

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
  // Sign-in is the portal's own (db/queries/sign-in-challenges.ts: a link confirmed by a POST, or a
  // typed code); Auth.js reads and ends the database sessions it opens.
  providers: [],
  // Locale-free paths: the proxy sends each visitor on to their own language.
  pages: { signIn: "/sign-in", verifyRequest: "/sign-in/check-email", error: "/sign-in" },
  callbacks: {
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
          stateCountry: portalUser.stateCountry ?? null,
        },
      };
    },
  },
}));
