import { z } from "zod";
import { ACCREDITATION_CATEGORIES, ACCREDITATION_STATUSES, CSM_COUNTRIES } from "./domain";
import { text } from "./review-schemas";

/** Validation shared by the accreditation lifecycle's server actions and its data layer (which checks again). */
export const organizationId = z.uuid({ error: "invalid" });
const reason = text(2000);
const optionalReason = z
  .string()
  .trim()
  .max(2000, { error: "tooLong" })
  .transform((value) => value || null)
  .nullish()
  .transform((value) => value ?? null);

export const suspendSchema = z.object({ organizationId, reason });
export const reinstateSchema = z.object({ organizationId, reason: optionalReason });
/**
 * The status the admin saw is part of a revocation: if someone suspended or reinstated the
 * accreditation meanwhile, the revocation is refused rather than applied to a state nobody looked at.
 */
export const revokeSchema = z.object({
  organizationId,
  reason,
  expectedStatus: z.enum(["active", "suspended"], { error: "invalid" }),
});
/** The revocation form's second step: its confirm button sends confirm=yes. */
export const revokeFormSchema = revokeSchema.extend({ confirm: z.literal("yes", { error: "mustAccept" }) });
export const changeCategorySchema = z.object({
  organizationId,
  category: z.enum(ACCREDITATION_CATEGORIES, { error: "required" }),
  reason,
});

export const ORGANIZATIONS_PAGE_SIZE = 25;

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" || value === null ? undefined : value), schema.optional()).catch(undefined);

/** The secretariat's organization list filters as they appear in the URL; anything unknown is ignored. */
export const organizationFiltersSchema = z.object({
  q: optional(z.string().trim().max(200)),
  status: optional(z.enum(ACCREDITATION_STATUSES)),
  category: optional(z.enum(ACCREDITATION_CATEGORIES)),
  country: optional(z.enum(CSM_COUNTRIES)),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type OrganizationFilters = z.infer<typeof organizationFiltersSchema>;

export function parseOrganizationFilters(params: Record<string, string | string[] | undefined>): OrganizationFilters {
  return organizationFiltersSchema.parse(Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value])));
}

export function organizationQuery(filters: OrganizationFilters, overrides: Partial<OrganizationFilters> = {}): string {
  const merged = { ...filters, ...overrides };
  const params = new URLSearchParams();
  for (const key of ["q", "status", "category", "country"] as const) {
    const value = merged[key];
    if (value) params.set(key, value);
  }
  if (merged.page > 1) params.set("page", String(merged.page));
  return params.toString();
}
