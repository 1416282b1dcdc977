import { env } from "@/lib/env";

export type PrivacySettings = { delegateDataRetentionDays: number; contactEmail: string | null };

/** How long delegates' nationality and accessibility needs are kept after a meeting ends, and whom people ask about their data. */
export function privacySettings(source?: Record<string, string | undefined>): PrivacySettings {
  const settings = env(source);
  return {
    delegateDataRetentionDays: settings.DELEGATE_DATA_RETENTION_DAYS,
    contactEmail: settings.PRIVACY_CONTACT_EMAIL ?? null,
  };
}
