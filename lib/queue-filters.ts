import { z } from "zod";
import { DECIDED_STATUSES, OPEN_STATUSES } from "./application-status";
import { ACCREDITATION_CATEGORIES, APPLICATION_STATUSES, type ApplicationStatus, CSM_COUNTRIES, ORGANIZATION_TYPES, THEMES } from "./domain";

/** Statuses the secretariat works with: a draft is the applicant's until it is submitted. */
export const QUEUE_STATUSES = APPLICATION_STATUSES.filter((status) => status !== "draft");

/** Named sets of statuses the status filter offers besides each single status; the queue opens on "open". */
export const STATUS_GROUPS = {
  open: OPEN_STATUSES,
  decided: DECIDED_STATUSES,
  all: QUEUE_STATUSES,
} as const satisfies Record<string, readonly ApplicationStatus[]>;
export type StatusGroup = keyof typeof STATUS_GROUPS;
export const STATUS_GROUP_NAMES = Object.keys(STATUS_GROUPS) as StatusGroup[];
export const DEFAULT_STATUS_FILTER: StatusGroup = "open";
const STATUS_FILTERS = [...STATUS_GROUP_NAMES, ...QUEUE_STATUSES] as [string, ...string[]];

/** The statuses a status filter value stands for: a group's members, or the one status. */
export function statusesOf(filter: string): readonly ApplicationStatus[] {
  return filter in STATUS_GROUPS ? STATUS_GROUPS[filter as StatusGroup] : [filter as ApplicationStatus];
}
export const QUEUE_SORTS = ["submitted", "updated", "name"] as const;
export const QUEUE_PAGE_SIZE = 25;
/** A first application, or an accredited organization's renewal for a new meeting. */
export const APPLICATION_KINDS = ["new", "renewal"] as const;

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" || value === null ? undefined : value), schema.optional()).catch(undefined);

/** The queue's filters as they appear in the URL; anything unknown is ignored rather than refused. */
export const queueFiltersSchema = z.object({
  /** A group name or one status; missing or unknown means the open applications. */
  status: z.enum(STATUS_FILTERS).catch(DEFAULT_STATUS_FILTER),
  country: optional(z.enum(CSM_COUNTRIES)),
  type: optional(z.enum(ORGANIZATION_TYPES)),
  theme: optional(z.enum(THEMES)),
  category: optional(z.enum(ACCREDITATION_CATEGORIES)),
  kind: optional(z.enum(APPLICATION_KINDS)),
  /** A reviewer's id, "me" or "none" (unassigned). */
  reviewer: optional(z.string().trim().max(100)),
  q: optional(z.string().trim().max(200)),
  sort: z.enum(QUEUE_SORTS).catch("submitted"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type QueueFilters = z.infer<typeof queueFiltersSchema>;

type SearchParams = Record<string, string | string[] | undefined>;

export function parseQueueFilters(params: SearchParams | URLSearchParams): QueueFilters {
  const entries =
    params instanceof URLSearchParams
      ? Object.fromEntries(params)
      : Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  return queueFiltersSchema.parse(entries);
}

/** The URL query of a filter state, leaving out defaults so links stay short. */
export function queueQuery(filters: QueueFilters, overrides: Partial<QueueFilters> = {}): string {
  const merged = { ...filters, ...overrides };
  const params = new URLSearchParams();
  if (merged.q) params.set("q", merged.q);
  if (merged.status !== DEFAULT_STATUS_FILTER) params.set("status", merged.status);
  for (const key of ["country", "type", "theme", "category", "kind", "reviewer"] as const) {
    const value = merged[key];
    if (value) params.set(key, value);
  }
  if (merged.sort !== "submitted") params.set("sort", merged.sort);
  if (merged.dir !== "asc") params.set("dir", merged.dir);
  if (merged.page > 1) params.set("page", String(merged.page));
  return params.toString();
}
