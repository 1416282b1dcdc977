import type { ApplicationStatus } from "./domain";
import { parseQueueFilters, queueQuery } from "./queue-filters";

/**
 * The queue filters behind each dashboard count. The dashboard counts with them and links to them,
 * so a count always names the rows its link shows.
 */
export const DASHBOARD_QUERIES = {
  open: {},
  all: { status: "all" },
  toDecide: { status: "recommended" },
  /** "me" is resolved to the signed-in user on the server, never taken as an id from the URL. */
  assignedToMe: { reviewer: "me" },
  status: (status: ApplicationStatus) => ({ status }),
} as const;

/** The queue's address for a dashboard count, without the locale prefix (the i18n Link adds it). */
export function queueHref(query: Record<string, string>): string {
  const search = queueQuery(parseQueueFilters(query));
  return search ? `/secretariat/applications?${search}` : "/secretariat/applications";
}
