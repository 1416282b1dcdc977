import { z } from "zod";

export const DELIVERY_STATUSES = ["pending", "failed", "dead", "sent"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
/** The kinds of notice the portal queues (see queueNotices' callers). */
export const DELIVERY_KINDS = [
  "sign-in",
  "submission",
  "answer",
  "staff-submission",
  "staff-recommendation",
  "info-request",
  "message",
  "decision",
  "accreditation-suspended",
  "accreditation-reinstated",
  "accreditation-revoked",
  "accreditation-category_changed",
  "delegate-confirm",
  "delegate-decline",
  "delegate-nominate",
  "delegate-edit",
  "delegate-replaced",
  "delegate-withdraw",
  "invitation",
  "staff-invitation",
  "staff-role-changed",
  "staff-deactivated",
  "reminder",
  "notice",
] as const;
export const DELIVERY_PAGE_SIZE = 50;

const blankIsAbsent = (value: unknown) => (value === "" ? undefined : value);

export const deliveryFiltersSchema = z.object({
  status: z.preprocess(blankIsAbsent, z.enum(DELIVERY_STATUSES).optional()).catch(undefined),
  kind: z.preprocess(blankIsAbsent, z.enum(DELIVERY_KINDS).optional()).catch(undefined),
  recipient: z.preprocess(blankIsAbsent, z.string().trim().max(200).optional()).catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type DeliveryFilters = z.infer<typeof deliveryFiltersSchema>;

export function parseDeliveryFilters(params: Record<string, string | string[] | undefined>): DeliveryFilters {
  return deliveryFiltersSchema.parse(Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value])));
}

export function deliveryQuery(filters: DeliveryFilters, overrides: Partial<DeliveryFilters> = {}): string {
  const merged = { ...filters, ...overrides };
  const params = new URLSearchParams();
  for (const key of ["status", "kind", "recipient"] as const) {
    const value = merged[key];
    if (value) params.set(key, value);
  }
  if (merged.page > 1) params.set("page", String(merged.page));
  return params.toString();
}

export const retryDeliverySchema = z.object({ id: z.uuid() });
