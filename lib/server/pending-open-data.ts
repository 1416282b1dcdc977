import type { PendingApplication } from "@/db/queries/pending-register";
import { toCsv } from "@/lib/csv";

/** One pending application as the downloads and the API publish it: codes, not translations. */
export type PendingRecord = {
  name: string | null;
  acronym: string | null;
  /** True when the organization's name is withheld because its members would be at risk. */
  name_withheld: boolean;
  country: string | null;
  type: string;
  filed_on: string | null;
  stage: string;
  deferrals: number;
};

export const PENDING_FIELDS = [
  "name",
  "acronym",
  "name_withheld",
  "country",
  "type",
  "filed_on",
  "stage",
  "deferrals",
] as const satisfies readonly (keyof PendingRecord)[];

export function pendingRecord(application: PendingApplication): PendingRecord {
  return {
    name: application.name,
    acronym: application.acronym,
    name_withheld: application.name === null,
    country: application.country,
    type: application.type,
    filed_on: application.filedOn,
    stage: application.stage,
    deferrals: application.deferrals,
  };
}

export function pendingCsv(records: PendingRecord[]): string {
  return toCsv(
    PENDING_FIELDS,
    records.map((record) => PENDING_FIELDS.map((field) => record[field])),
  );
}
