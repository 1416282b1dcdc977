// Apart from lib/server/jobs/reminders.ts: installJobs runs while migrating (scripts, the e2e server), where the
// reminders' e-mail catalogs (next-intl) must not load.
export const REMINDERS = "reminders";
/** Hourly at :05 UTC (pg-boss cron, one run across all instances): a reminder is late by at most an hour. */
export const REMINDERS_CRON = "5 * * * *";
