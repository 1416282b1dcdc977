/**
 * What must hold in the database after any fault: every multi-row change is all there or not at
 * all. Each check is a query returning the rows that break it (so zero rows = holds). The
 * generated data has no audit rows and its history rows no `data`: the checks on audit rows look at
 * what the app wrote (history rows carrying their transition).
 */
import type { Sql } from "postgres";

export type InvariantResult = { name: string; holds: boolean; violations: number; sample: unknown[] };

const CHECKS: { name: string; query: (sql: Sql) => PromiseLike<readonly unknown[]> }[] = [
  {
    name: "every document has its bytes",
    query: (sql) => sql`select d.id from documents d left join document_blobs b using (storage_key) where b.storage_key is null`,
  },
  {
    name: "every stored blob belongs to a document",
    query: (sql) => sql`select b.storage_key from document_blobs b left join documents d using (storage_key) where d.id is null`,
  },
  {
    name: "every document's size and SHA-256 match its bytes",
    query: (sql) => sql`select d.id from documents d join document_blobs b using (storage_key)
                        where length(b.bytes) <> d.size or encode(sha256(b.bytes), 'hex') <> d.sha256`,
  },
  {
    name: "every document has its upload audit row",
    query: (sql) => sql`select d.id from documents d
                        where not exists (select 1 from audit_log l where l.target_id = d.application_id::text
                                          and l.action in ('document.upload', 'document.replace') and l.data->>'kind' = d.kind::text)`,
  },
  {
    name: "every application past draft has a history row into its status",
    query: (sql) => sql`select a.id from applications a where a.status <> 'draft'
                        and not exists (select 1 from application_history h where h.application_id = a.id and h.to_status = a.status)`,
  },
  {
    name: "every application's latest transition leads to its status",
    query: (sql) => sql`select a.id from applications a
                        join (select distinct on (application_id) application_id, to_status from application_history
                              where kind = 'transition' order by application_id, created_at desc, id) last on last.application_id = a.id
                        where last.to_status <> a.status`,
  },
  {
    name: "every transition the app made has its audit row",
    query: (sql) => sql`select h.id from application_history h
                               where h.kind = 'transition' and h.data->>'transition' is not null
                               and not exists (select 1 from audit_log l where l.target_id = h.application_id::text
                                               and l.action = 'application.' || (h.data->>'transition'))`,
  },
  {
    name: "every accredited application's organization holds an accreditation",
    query: (sql) => sql`select a.id from applications a where a.status in ('accredited_participant', 'accredited_observer')
                        and not exists (select 1 from accreditations c where c.organization_id = a.organization_id)`,
  },
  {
    name: "every accreditation has its history",
    query: (sql) => sql`select c.id from accreditations c where not exists (select 1 from accreditation_history h where h.accreditation_id = c.id)`,
  },
  {
    name: "every accreditation decision the app made has its grant in the accreditation history",
    query: (sql) => sql`select a.id from applications a join application_history d on d.application_id = a.id
                               and d.data->>'transition' in ('decide_participant', 'decide_observer')
                               where not exists (select 1 from accreditations c join accreditation_history h on h.accreditation_id = c.id
                                               where c.organization_id = a.organization_id and h.event = 'granted' and h.created_at = a.decided_at
                                               and h.category::text = case a.status when 'accredited_participant' then 'participant' else 'observer' end)`,
  },
  {
    name: "every application's sections are a JSON object",
    query: (sql) => sql`select id from applications where jsonb_typeof(sections) <> 'object'`,
  },
];

export async function checkInvariants(sql: Sql): Promise<InvariantResult[]> {
  const results: InvariantResult[] = [];
  for (const check of CHECKS) {
    const rows = await check.query(sql);
    results.push({ name: check.name, holds: rows.length === 0, violations: rows.length, sample: rows.slice(0, 5) });
  }
  return results;
}
