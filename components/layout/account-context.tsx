"use client";

import { createContext, type ReactNode, use, useEffect, useState } from "react";
import type { Role } from "@/lib/domain";

/** Who is signed in, as the header shows it. */
export type AccountSummary = { email: string; role: Role };

const AccountContext = createContext<AccountSummary | null>(null);

/**
 * The header's account part. A page rendered for this visitor knows who they are (`account`); a page
 * from the page cache was rendered for anyone (`account` undefined), so the browser asks the
 * session endpoint, and until it answers the header shows what an anonymous visitor sees.
 */
export function AccountProvider({ account, children }: { account: AccountSummary | null | undefined; children: ReactNode }) {
  const [fetched, setFetched] = useState<AccountSummary | null>(null);
  useEffect(() => {
    if (account !== undefined) return;
    const controller = new AbortController();
    fetch("/api/session", { signal: controller.signal, cache: "no-store" })
      .then((response) => (response.ok ? (response.json() as Promise<{ account: AccountSummary | null }>) : { account: null }))
      .then((body) => setFetched(body.account))
      .catch(() => {});
    return () => controller.abort();
  }, [account]);
  return <AccountContext value={account === undefined ? fetched : account}>{children}</AccountContext>;
}

export function useAccount(): AccountSummary | null {
  return use(AccountContext);
}
