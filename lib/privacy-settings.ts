import { z } from "zod";

const privacySettingsSchema = z.object({
  DELEGATE_DATA_RETENTION_DAYS: z.coerce.number().int().min(0).max(3650).default(90),
  PRIVACY_CONTACT_EMAIL: z.email().optional(),
});

export type PrivacySettings = { delegateDataRetentionDays: number; contactEmail: string | null };

/**
 * How long delegates' nationality and accessibility needs are kept after a meeting ends, and whom
 * people ask about their data. The one place these settings are read (to move into lib/env.ts).
 */
export function privacySettings(env: Record<string, string | undefined> = process.env): PrivacySettings {
  const parsed = privacySettingsSchema.safeParse({
    DELEGATE_DATA_RETENTION_DAYS: env.DELEGATE_DATA_RETENTION_DAYS || undefined,
    PRIVACY_CONTACT_EMAIL: env.PRIVACY_CONTACT_EMAIL || undefined,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`Invalid privacy settings: ${problems}`);
  }
  return {
    delegateDataRetentionDays: parsed.data.DELEGATE_DATA_RETENTION_DAYS,
    contactEmail: parsed.data.PRIVACY_CONTACT_EMAIL ?? null,
  };
}
