import { z } from "zod";

/** Groups of audit actions the log can be narrowed to. */
export const AUDIT_KINDS = ["transitions", "decisions", "assignments", "eligibility", "staff", "sign_ins", "accreditations", "meetings", "delegates"] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];
export const AUDIT_PAGE_SIZE = 50;

const optionalText = z.preprocess((value) => (value === "" ? undefined : value), z.string().trim().max(200).optional()).catch(undefined);
const optionalDate = z.preprocess((value) => (value === "" ? undefined : value), z.iso.date().optional()).catch(undefined);

export const auditFiltersSchema = z.object({
  kind: z.preprocess((value) => (value === "" ? undefined : value), z.enum(AUDIT_KINDS).optional()).catch(undefined),
  actor: optionalText,
  /** Anyone named in the entry: who acted or whom it was about. */
  person: optionalText,
  organization: optionalText,
  from: optionalDate,
  to: optionalDate,
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type AuditFilters = z.infer<typeof auditFiltersSchema>;

export function parseAuditFilters(params: Record<string, string | string[] | undefined> | URLSearchParams): AuditFilters {
  const entries =
    params instanceof URLSearchParams
      ? Object.fromEntries(params)
      : Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  return auditFiltersSchema.parse(entries);
}

export function auditQuery(filters: AuditFilters, overrides: Partial<AuditFilters> = {}): string {
  const merged = { ...filters, ...overrides };
  const params = new URLSearchParams();
  for (const key of ["kind", "actor", "person", "organization", "from", "to"] as const) {
    const value = merged[key];
    if (value) params.set(key, value);
  }
  if (merged.page > 1) params.set("page", String(merged.page));
  return params.toString();
}
