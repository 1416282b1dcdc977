import { createTranslator } from "next-intl";
import type { Locale } from "./domain";
import { catalogs } from "./i18n/messages";

/** What an audit row holds, as the log's reader needs it. */
export type AuditRecord = {
  action: string;
  actorName: string | null;
  targetName: string | null;
  organizationName: string | null;
  data: Record<string, unknown> | null;
};

export type AuditChange = { field: string; before: string; after: string };
export type ReadableAudit = { sentence: string; reason: string | null; changes: AuditChange[] };

type Translate = { (key: string, values?: Record<string, string>): string; has(key: string): boolean };

function translate(locale: Locale): Translate {
  // Keys here are built from stored action names, so the typed key check cannot apply.
  return createTranslator({ locale, messages: catalogs[locale] }) as unknown as Translate;
}

const text = (value: unknown): string | null => (typeof value === "string" && value.trim() !== "" ? value : null);

/** The catalog label of a stored value (a status, role, category), or the value itself. */
function label(t: Translate, namespace: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  const key = `${namespace}.${String(value)}`;
  return typeof value === "string" && t.has(key) ? t(key) : String(value);
}

function fieldName(t: Translate, field: string): string {
  const key = `AuditActions.fields.${field}`;
  return t.has(key) ? t(key) : field;
}

function change(t: Translate, field: string, namespace: string, before: unknown, after: unknown): AuditChange[] {
  if (before === after || after === undefined) return [];
  return [{ field: fieldName(t, field), before: label(t, namespace, before), after: label(t, namespace, after) }];
}

function plain(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** A coalition's member list as "Name (Country); …" rather than its JSON. */
function memberList(t: Translate, value: unknown): string {
  if (!Array.isArray(value) || value.length === 0) return "—";
  return (value as { name: string; country: string | null }[])
    .map(({ name, country }) => (country ? `${name} (${label(t, "Country", country)})` : name))
    .join("; ");
}

function objectChanges(t: Translate, before: unknown, after: unknown): AuditChange[] {
  const old = (before && typeof before === "object" ? before : {}) as Record<string, unknown>;
  const next = (after && typeof after === "object" ? after : {}) as Record<string, unknown>;
  const shown = (field: string, value: unknown) => (field === "coalitionMembers" ? memberList(t, value) : plain(value));
  return Object.keys(next)
    .filter((field) => plain(old[field]) !== plain(next[field]))
    .map((field) => ({ field: fieldName(t, field), before: shown(field, old[field]), after: shown(field, next[field]) }));
}

function changesOf(t: Translate, record: AuditRecord): AuditChange[] {
  const data = record.data ?? {};
  const [group] = record.action.split(".");
  switch (group) {
    case "application":
      return change(t, "status", "Status", data.from, data.to);
    case "accreditation":
      return [
        ...change(t, "status", "AccreditedOrganizations.statusLabel", data.previousStatus ?? data.status, data.status),
        ...change(t, "category", "Category", data.previousCategory ?? data.category, data.category),
      ];
    case "delegate":
      return record.action === "delegate.edit" ? [] : change(t, "status", "DelegateStatus", data.from, data.to);
    case "meeting":
      return objectChanges(t, data.old, data.new);
    case "organization":
      return objectChanges(t, data.before, data.after);
    case "staff":
      if (record.action === "staff.role_change") return change(t, "role", "Role", data.from, data.to);
      if (record.action === "staff.invite" || record.action === "staff.console_admin") {
        return change(t, "role", "Role", data.previousRole ?? null, data.role);
      }
      if (record.action === "staff.deactivate") return change(t, "account", "AuditActions.account", "active", "deactivated");
      return [];
    default:
      return [];
  }
}

/**
 * One audit entry as a sentence in the reader's language ("Ana Ruiz suspended Centro X’s
 * accreditation"), its reason, and each changed field as before → after.
 */
export function describeAudit(record: AuditRecord, locale: Locale): ReadableAudit {
  const t = translate(locale);
  const data = record.data ?? {};
  const someone = t("AuditActions.someone");
  const actor = record.actorName ?? t("AuditActions.system");
  const values: Record<string, string> = {
    actor,
    target: record.targetName ?? someone,
    organization: record.organizationName ?? record.targetName ?? someone,
    role: label(t, "Role", data.role),
    email: text(data.email) ?? someone,
    reviewer: text(data.reviewerName) ?? someone,
    replaced: text(data.replacesName) ?? someone,
    section: text(data.section) ?? "—",
    document: text(data.kind) ?? "—",
  };
  const key = `AuditActions.sentences.${record.action}`;
  const sentence = t.has(key) ? t(key, values) : t("AuditActions.unknown", { actor, action: record.action });
  return { sentence, reason: text(data.reason), changes: changesOf(t, record) };
}
