import { describe, expect, it } from "vitest";
import { privacySettings } from "@/lib/privacy-settings";

describe("privacySettings", () => {
  it("keeps delegates' personal data 90 days after a meeting when nothing is set, and names no contact", () => {
    expect(privacySettings({})).toEqual({ delegateDataRetentionDays: 90, contactEmail: null });
    expect(privacySettings({ DELEGATE_DATA_RETENTION_DAYS: "", PRIVACY_CONTACT_EMAIL: "" })).toEqual({
      delegateDataRetentionDays: 90,
      contactEmail: null,
    });
  });

  it("reads the retention period and the contact address", () => {
    expect(privacySettings({ DELEGATE_DATA_RETENTION_DAYS: "30", PRIVACY_CONTACT_EMAIL: "privacy@csm.example.org" })).toEqual({
      delegateDataRetentionDays: 30,
      contactEmail: "privacy@csm.example.org",
    });
    expect(privacySettings({ DELEGATE_DATA_RETENTION_DAYS: "0" }).delegateDataRetentionDays).toBe(0);
  });

  it.each(["-1", "ninety", "1.5", "100000"])("refuses a retention period of %s", (value) => {
    expect(() => privacySettings({ DELEGATE_DATA_RETENTION_DAYS: value })).toThrow(/DELEGATE_DATA_RETENTION_DAYS/);
  });

  it("refuses a contact that is not an e-mail address", () => {
    expect(() => privacySettings({ PRIVACY_CONTACT_EMAIL: "call us" })).toThrow(/PRIVACY_CONTACT_EMAIL/);
  });
});
