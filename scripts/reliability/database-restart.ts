/**
 * Scenario "database restart under load": mixed traffic and marked writes against the production
 * server while PostgreSQL is stopped (fast shutdown), kept down a few seconds and started again.
 * Every request is recorded; afterwards every acknowledged write must be stored exactly, and every
 * other write stored whole or not at all.
 */
import postgres from "postgres";
import { actionRequest, actionSucceeded, serverActionId } from "../bench/actions";
import type { BenchSessions } from "../bench/data";
import type { BenchRow } from "../bench/rows";
import type { ThrowawayCluster } from "./cluster";
import { checkInvariants, type InvariantResult } from "./invariants";
import { clock, type Outcome, type RequestRecord, runWorkers, send, sleep, weightedPicker } from "./traffic";

export type DatabaseRestartSettings = {
  durationSeconds: number;
  stopAtSeconds: number;
  downSeconds: number;
  readers: number;
  writers: number;
  timeoutMs: number;
  /** The app must answer health and acknowledge a write within this long after PostgreSQL is back. */
  recoveryBudgetMs: number;
};

export const READ_WEIGHTS: Record<string, number> = { register: 3, search: 3, organization: 4, api: 2, health: 1, queue: 2, dashboard: 1 };

type Window = "before" | "during" | "after";
type Tally = Record<string, Partial<Record<Outcome, number>>>;

export type DatabaseRestartResult = {
  settings: DatabaseRestartSettings;
  timeline: {
    stopCommandMs: number;
    stoppedMs: number;
    startCommandMs: number;
    acceptingMs: number;
    firstHealthyMs: number | null;
    firstWriteMs: number | null;
    endMs: number;
  };
  /** From the stop command until PostgreSQL accepts connections again. */
  databaseOutageMs: number;
  recovery: { healthMs: number | null; writeMs: number | null };
  /** Requests by window (whether they overlapped the outage) and kind, then by outcome. */
  requests: Record<Window, Tally>;
  /** Failed requests of the outage window, by how they failed (status and detail). */
  failuresDuringOutage: Record<string, number>;
  slowestDuringOutageMs: number;
  /** Every request that overlapped the outage, in order of start. */
  duringOutage: RequestRecord[];
  /** Failed requests before the outage or after the app recovered (none expected). */
  failedOutside: RequestRecord[];
  writes: {
    sent: number;
    acknowledged: number;
    acknowledgedStored: number;
    unacknowledgedStored: number;
    unacknowledgedNotStored: number;
    halfWritten: number;
  };
  invariants: InvariantResult[];
  checks: { name: string; passed: boolean; detail: string }[];
};

type Write = { seq: number; applicationId: string; description: string; record: RequestRecord };

function windowOf(record: RequestRecord, outageStart: number, outageEnd: number): Window {
  if (record.end < outageStart) return "before";
  if (record.start > outageEnd) return "after";
  return "during";
}

function tally(records: RequestRecord[]): Tally {
  const result: Tally = {};
  for (const record of records) {
    const kind = (result[record.kind] ??= {});
    kind[record.outcome] = (kind[record.outcome] ?? 0) + 1;
  }
  return result;
}

export async function runDatabaseRestart(options: {
  origin: string;
  cluster: ThrowawayCluster;
  databaseUrl: string;
  sessions: BenchSessions;
  rows: BenchRow[];
  settings: DatabaseRestartSettings;
  log: (line: string) => void;
}): Promise<DatabaseRestartResult> {
  const { origin, cluster, databaseUrl, sessions, rows, settings, log } = options;
  const saveSection = serverActionId("saveSectionAction", "applicant/actions");
  const pickRead = weightedPicker(rows, READ_WEIGHTS);
  const drafts = [...sessions.applicants];
  const sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
  const [{ now: since }] = (await sql`select now()`) as unknown as [{ now: Date }];
  // The freshly generated data set is still in dirty buffers: flushed now, the shutdown's own
  // checkpoint is the few seconds of writes before it, as on a database in service.
  await sql`checkpoint`;
  const originals = new Map(
    (
      await sql<
        { id: string; description: string | null }[]
      >`select id, sections->'work'->>'description' as description from applications where id in ${sql(drafts.map((d) => d.applicationId))}`
    ).map((row) => [row.id, row.description]),
  );

  const reads: RequestRecord[] = [];
  const writes: Write[] = [];
  const health: RequestRecord[] = [];
  let running = true;
  let seq = 0;

  const readTask = async () => {
    const row = pickRead();
    const request = row.next();
    const { body: _body, ...record } = await send(origin, row.id, request, { status: row.expect, verify: row.verify }, settings.timeoutMs);
    reads.push(record);
  };
  const writeTask = async () => {
    const draft = drafts.shift();
    if (!draft) {
      await sleep(100);
      return;
    }
    const mine = ++seq;
    const description = `Acompañamiento jurídico y psicosocial a personas en movilidad humana [fault-write-${mine}].`;
    const request = actionRequest(origin, `/es/applicant/applications/${draft.applicationId}/work`, saveSection, draft.session, {
      applicationId: draft.applicationId,
      section: "work",
      themes: ["asylum", "integration"],
      populationsServed: "Personas migrantes, refugiadas y desplazadas",
      description,
    });
    const { body: _body, ...record } = await send(origin, "save-section", request, { status: [200], verify: actionSucceeded }, settings.timeoutMs);
    writes.push({ seq: mine, applicationId: draft.applicationId, description, record });
  };
  const healthTask = async () => {
    const { body: _body, ...record } = await send(origin, "health-probe", { path: "/api/health" }, { status: [200] }, settings.timeoutMs);
    health.push(record);
    await sleep(50);
  };

  clock.reset();
  const until = () => running;
  const load = Promise.all([runWorkers(settings.readers, until, readTask), runWorkers(settings.writers, until, writeTask), runWorkers(1, until, healthTask)]);

  await sleep(settings.stopAtSeconds * 1000);
  const stopCommandMs = clock.now();
  log(`stopping PostgreSQL (fast) at ${(stopCommandMs / 1000).toFixed(1)} s`);
  await cluster.stop();
  const stoppedMs = clock.now();
  await sleep(settings.downSeconds * 1000);
  const startCommandMs = clock.now();
  log(`starting PostgreSQL at ${(startCommandMs / 1000).toFixed(1)} s`);
  const started = cluster.start();
  await cluster.waitUntilAccepting();
  const acceptingMs = clock.now();
  await started;
  log(`PostgreSQL accepts connections at ${(acceptingMs / 1000).toFixed(1)} s`);

  const remaining = settings.durationSeconds * 1000 - clock.now();
  if (remaining > 0) await sleep(remaining);
  running = false;
  await load;
  const endMs = clock.now();

  const firstOkAfter = (records: RequestRecord[]) =>
    records.filter((r) => r.outcome === "ok" && r.start > stoppedMs).sort((a, b) => a.end - b.end)[0]?.end ?? null;
  const firstHealthyMs = firstOkAfter(health);
  const firstWriteMs = firstOkAfter(writes.map((w) => w.record));
  const recovery = {
    healthMs: firstHealthyMs === null ? null : Math.max(0, Math.round(firstHealthyMs - acceptingMs)),
    writeMs: firstWriteMs === null ? null : Math.max(0, Math.round(firstWriteMs - acceptingMs)),
  };
  // The outage, as the app's users see it: from the stop command until the app has recovered.
  const outageEnd = Math.max(firstHealthyMs ?? endMs, firstWriteMs ?? endMs);
  const all = [...reads, ...writes.map((w) => w.record), ...health];
  const byWindow: Record<Window, RequestRecord[]> = { before: [], during: [], after: [] };
  for (const record of all) byWindow[windowOf(record, stopCommandMs, outageEnd)].push(record);

  const failuresDuringOutage: Record<string, number> = {};
  for (const record of byWindow.during.filter((r) => r.outcome !== "ok")) {
    const key = `${record.kind}: ${record.outcome}${record.status ? ` ${record.status}` : ""}${record.detail ? ` (${record.detail})` : ""}`;
    failuresDuringOutage[key] = (failuresDuringOutage[key] ?? 0) + 1;
  }

  // What the database holds for every draft a write went to.
  const stored = new Map(
    (
      await sql<{ id: string; description: string | null; audits: number; completed: string[] }[]>`
        select a.id, a.sections->'work'->>'description' as description, a.completed_sections as completed,
               (select count(*)::int from audit_log l where l.target_id = a.id::text and l.action = 'application.save_section' and l.created_at >= ${since}) as audits
        from applications a where a.id in ${sql(writes.length ? writes.map((w) => w.applicationId) : ["00000000-0000-0000-0000-000000000000"])}`
    ).map((row) => [row.id, row]),
  );
  const counts = { sent: writes.length, acknowledged: 0, acknowledgedStored: 0, unacknowledgedStored: 0, unacknowledgedNotStored: 0, halfWritten: 0 };
  const lost: number[] = [];
  for (const write of writes) {
    const row = stored.get(write.applicationId);
    const saved = row?.description === write.description;
    const untouched = row?.description === originals.get(write.applicationId);
    // Whole: the section, its completeness and its audit row together; or none of them.
    const whole = saved ? row!.audits === 1 && row!.completed.includes("work") : untouched && row?.audits === 0;
    if (!whole) counts.halfWritten++;
    if (write.record.outcome === "ok") {
      counts.acknowledged++;
      if (saved) counts.acknowledgedStored++;
      else lost.push(write.seq);
    } else if (saved) counts.unacknowledgedStored++;
    else counts.unacknowledgedNotStored++;
  }
  const invariants = await checkInvariants(sql);
  await sql.end();

  const during = byWindow.during;
  // A write's error state is a message in the form; a page whose body fails its check showed the wrong page.
  const unclean = during.filter((r) => r.outcome !== "ok" && r.outcome !== "server-error" && !(r.outcome === "refused" && r.kind === "save-section"));
  const slowestDuringOutageMs = Math.round(Math.max(0, ...during.map((r) => r.end - r.start)));
  const errorsOutside = [...byWindow.before, ...byWindow.after].filter((r) => r.outcome !== "ok");
  const checks = [
    { name: "no failed request before the outage or after the app recovered", passed: errorsOutside.length === 0, detail: `${errorsOutside.length} failed` },
    {
      name: `every request during the outage answered within ${settings.timeoutMs / 1000} s, and every failure was a clean error (5xx, or an action's error state)`,
      passed: unclean.length === 0,
      detail: unclean.length
        ? `${unclean.length} unclean: ${[...new Set(unclean.map((r) => `${r.kind} ${r.outcome} ${r.status ?? ""} ${r.detail ?? ""}`))].slice(0, 5).join("; ")}`
        : `slowest ${slowestDuringOutageMs} ms`,
    },
    {
      name: `the app answers /api/health within ${settings.recoveryBudgetMs / 1000} s of PostgreSQL accepting connections`,
      passed: recovery.healthMs !== null && recovery.healthMs <= settings.recoveryBudgetMs,
      detail: `${recovery.healthMs} ms`,
    },
    {
      name: `the app acknowledges a write within ${settings.recoveryBudgetMs / 1000} s of PostgreSQL accepting connections`,
      passed: recovery.writeMs !== null && recovery.writeMs <= settings.recoveryBudgetMs,
      detail: `${recovery.writeMs} ms`,
    },
    {
      name: "some writes were acknowledged before and after the outage",
      passed: counts.acknowledged > 0 && byWindow.after.some((r) => r.kind === "save-section" && r.outcome === "ok"),
      detail: `${counts.acknowledged} acknowledged`,
    },
    {
      name: "every acknowledged write is stored exactly",
      passed: lost.length === 0,
      detail: lost.length ? `lost: ${lost.slice(0, 10).join(", ")}` : `${counts.acknowledgedStored} of ${counts.acknowledged}`,
    },
    {
      name: "no write half-written (section, completeness and audit row all or nothing)",
      passed: counts.halfWritten === 0,
      detail: `${counts.halfWritten} half-written`,
    },
    ...invariants.map((invariant) => ({ name: invariant.name, passed: invariant.holds, detail: `${invariant.violations} violations` })),
  ];
  return {
    settings,
    timeline: { stopCommandMs, stoppedMs, startCommandMs, acceptingMs, firstHealthyMs, firstWriteMs, endMs },
    databaseOutageMs: Math.round(acceptingMs - stopCommandMs),
    recovery,
    requests: { before: tally(byWindow.before), during: tally(byWindow.during), after: tally(byWindow.after) },
    failuresDuringOutage,
    slowestDuringOutageMs,
    duringOutage: [...during].sort((a, b) => a.start - b.start),
    failedOutside: errorsOutside,
    writes: counts,
    invariants,
    checks,
  };
}
