import type { FormSectionId } from "@/lib/application-sections";

const ORDER = ["organization", "work", "representation", "governance", "documents", "declarations"] as const;

/** Where a saved section leads: the next section, then (renewals) the report, then the review page. */
export function nextSectionPath(applicationId: string, section: FormSectionId, isRenewal: boolean): string {
  const base = `/applicant/applications/${applicationId}`;
  if (section === "renewal") return `${base}/review`;
  const index = ORDER.indexOf(section);
  const next = ORDER[index + 1];
  if (next) return `${base}/${next}`;
  return isRenewal ? `${base}/renewal` : `${base}/review`;
}
