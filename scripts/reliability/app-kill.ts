/**
 * Scenario "kill the app mid-submission": concurrent document uploads (document row + bytes +
 * completeness + audit row) and accreditation decisions (status + history + accreditation + its
 * history + audit row), each one transaction, and the server's whole process tree SIGKILLed while
 * PostgreSQL shows some of them open. Then the server is started again and each submission must be
 * stored whole or not at all, and every acknowledged one stored.
 */
import { createHash, randomBytes } from "node:crypto";
import postgres from "postgres";
import { seedPdf } from "@/db/seed-sections";
import { actionRequest, actionSucceeded, serverActionId } from "../bench/actions";
import type { BenchSessions } from "../bench/data";
import { type BenchServer, killTree } from "../bench/server";
import { checkInvariants, type InvariantResult } from "./invariants";
import { clock, type RequestRecord, runWorkers, send, sleep } from "./traffic";

export type AppKillSettings = {
  rounds: number;
  uploadWorkers: number;
  decisionWorkers: number;
  /** Acknowledged submissions to wait for before watching for open transactions to kill into. */
  acknowledgedBeforeKill: number;
  uploadBytes: number;
  timeoutMs: number;
};

type Upload = { type: "upload"; applicationId: string; session: string; kind: string; sha256: string; bytes: Uint8Array };
type Decision = { type: "decision"; applicationId: string; decision: "participant" | "observer" };
type Submission = (Upload | Decision) & { record?: RequestRecord };

export type RoundResult = {
  round: number;
  sent: number;
  acknowledgedBeforeKill: number;
  /** Answered before the kill with an error: none expected. */
  failedBeforeKill: number;
  failuresBeforeKill: Record<string, number>;
  inFlightAtKill: number;
  openTransactionsAtKill: number;
  killedAtMs: number;
  killedPids: number;
  restartMs: number;
  committed: { uploads: number; decisions: number };
  committedInFlight: number;
  rolledBackInFlight: number;
  lostAcknowledged: number;
  partial: number;
  partialDetail: string[];
};

export type AppKillResult = {
  settings: AppKillSettings;
  rounds: RoundResult[];
  invariants: InvariantResult[];
  checks: { name: string; passed: boolean; detail: string }[];
};

const UPLOAD_KINDS = ["statute", "registration_proof", "activity_report"];

/** A PDF the upload check accepts, about `size` bytes long, unique to this upload. */
function pdf(size: number): Uint8Array {
  return seedPdf(`fault-scenario ${randomBytes(8).toString("hex")}`, { padTo: size });
}

/**
 * How many of the database's backends (other than the checker's) are inside a transaction of more
 * than one statement (begun before the statement it runs, or idle between two).
 */
async function openTransactions(sql: postgres.Sql): Promise<number> {
  const [row] = await sql<{ open: number }[]>`select count(*)::int as open from pg_stat_activity
                                            where datname = current_database() and pid <> pg_backend_pid() and xact_start is not null
                                            and (state like 'idle in transaction%' or xact_start < query_start)`;
  return row!.open;
}

async function waitForBackendsToEnd(sql: postgres.Sql, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const [row] = await sql<{ n: number }[]>`select count(*)::int as n from pg_stat_activity
                                           where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`;
    if (row!.n <= 1) return; // the checker's own pool may hold a second connection
    await sleep(50);
  }
}

/** What the database holds for each submission: stored whole, absent, or partly (a failure). */
async function inspect(sql: postgres.Sql, submissions: Submission[], since: Date): Promise<Map<Submission, "stored" | "absent" | string>> {
  const verdicts = new Map<Submission, "stored" | "absent" | string>();
  for (const submission of submissions) {
    if (submission.type === "upload") {
      const [row] = await sql<{ document: boolean; blob: boolean; audits: number }[]>`
        select exists (select 1 from documents d where d.application_id = ${submission.applicationId} and d.kind = ${submission.kind} and d.sha256 = ${submission.sha256}) as document,
               exists (select 1 from documents d join document_blobs b using (storage_key)
                       where d.application_id = ${submission.applicationId} and d.kind = ${submission.kind} and encode(sha256(b.bytes), 'hex') = ${submission.sha256}) as blob,
               (select count(*)::int from audit_log l where l.target_id = ${submission.applicationId} and l.action = 'document.upload'
                  and l.data->>'kind' = ${submission.kind} and l.created_at >= ${since}) as audits`;
      const parts = [row!.document, row!.blob, row!.audits === 1];
      verdicts.set(
        submission,
        parts.every(Boolean)
          ? "stored"
          : parts.every((part) => !part) && row!.audits === 0
            ? "absent"
            : `upload ${submission.applicationId}/${submission.kind}: ${JSON.stringify(row)}`,
      );
    } else {
      const status = submission.decision === "participant" ? "accredited_participant" : "accredited_observer";
      const [row] = await sql<{ status: boolean; history: boolean; grant: boolean; audit: boolean }[]>`
        select a.status = ${status} as status,
               exists (select 1 from application_history h where h.application_id = a.id and h.to_status = ${status}
                       and h.data->>'transition' = ${`decide_${submission.decision}`}) as history,
               exists (select 1 from accreditations c join accreditation_history g on g.accreditation_id = c.id
                       where c.organization_id = a.organization_id and g.event = 'granted' and g.category = ${submission.decision} and g.created_at >= ${since}
                       and g.created_at = a.decided_at) as grant,
               exists (select 1 from audit_log l where l.target_id = a.id::text and l.action = ${`application.decide_${submission.decision}`} and l.created_at >= ${since}) as audit
        from applications a where a.id = ${submission.applicationId}`;
      const parts = [row!.status, row!.history, row!.grant, row!.audit];
      verdicts.set(
        submission,
        parts.every(Boolean) ? "stored" : parts.every((part) => !part) ? "absent" : `decision ${submission.applicationId}: ${JSON.stringify(row)}`,
      );
    }
  }
  return verdicts;
}

export async function runAppKill(options: {
  databaseUrl: string;
  sessions: BenchSessions;
  /** Applicants whose drafts the uploads may use (not touched by other scenarios). */
  applicants: BenchSessions["applicants"];
  start: () => Promise<BenchServer>;
  settings: AppKillSettings;
  log: (line: string) => void;
}): Promise<AppKillResult> {
  const { databaseUrl, sessions, settings, log } = options;
  const uploadAction = serverActionId("uploadDocumentAction", "applicant/actions");
  const decideAction = serverActionId("decideApplicationAction", "secretariat/applications/[id]/actions");
  const sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
  const [{ now: since }] = (await sql`select now()`) as unknown as [{ now: Date }];

  const uploads: Upload[] = options.applicants.flatMap(({ applicationId, session }) =>
    UPLOAD_KINDS.map((kind) => {
      const bytes = pdf(settings.uploadBytes);
      return { type: "upload" as const, applicationId, session, kind, bytes, sha256: createHash("sha256").update(bytes).digest("hex") };
    }),
  );
  const decisions: Decision[] = sessions.recommended.map((applicationId, i) => ({
    type: "decision",
    applicationId,
    decision: i % 3 === 0 ? "observer" : "participant",
  }));
  const rounds: RoundResult[] = [];
  let server = await options.start();

  try {
    for (let round = 1; round <= settings.rounds; round++) {
      const origin = server.origin;
      const submitted: Submission[] = [];
      let running = true;
      let acknowledged = 0;
      const sendUpload = async () => {
        const upload = uploads.shift();
        if (!upload) return void (await sleep(100));
        const request = actionRequest(origin, `/es/applicant/applications/${upload.applicationId}/documents`, uploadAction, upload.session, {
          applicationId: upload.applicationId,
          kind: upload.kind,
          file: { fileName: `${upload.kind}.pdf`, contentType: "application/pdf", bytes: upload.bytes },
        });
        const submission: Submission = { ...upload };
        submitted.push(submission);
        const { body: _body, ...record } = await send(origin, "upload", request, { status: [200], verify: actionSucceeded }, settings.timeoutMs);
        submission.record = record;
        if (record.outcome === "ok") acknowledged++;
      };
      const sendDecision = async () => {
        const decision = decisions.shift();
        if (!decision) return void (await sleep(100));
        const request = actionRequest(origin, `/es/secretariat/applications/${decision.applicationId}`, decideAction, sessions.admin, {
          applicationId: decision.applicationId,
          decision: decision.decision,
          reason: "Cumple los criterios de acreditación.",
        });
        const submission: Submission = { ...decision };
        submitted.push(submission);
        const { body: _body, ...record } = await send(origin, "decision", request, { status: [200], verify: actionSucceeded }, settings.timeoutMs);
        submission.record = record;
        if (record.outcome === "ok") acknowledged++;
      };

      clock.reset();
      const load = Promise.all([
        runWorkers(settings.uploadWorkers, () => running, sendUpload),
        runWorkers(settings.decisionWorkers, () => running, sendDecision),
      ]);
      while (acknowledged < settings.acknowledgedBeforeKill) await sleep(20);
      const watchUntil = Date.now() + 5_000;
      let open = await openTransactions(sql);
      while (open < 2 && Date.now() < watchUntil) open = await openTransactions(sql);
      running = false;
      const killedAtMs = clock.now();
      const killed = await killTree(server.process.pid!);
      const acknowledgedBeforeKill = submitted.filter((s) => s.record && s.record.end <= killedAtMs && s.record.outcome === "ok").length;
      await load;
      const inFlight = submitted.filter((s) => !s.record || s.record.end > killedAtMs);
      const failedBeforeKill = submitted.length - inFlight.length - acknowledgedBeforeKill;
      const failuresBeforeKill: Record<string, number> = {};
      for (const { type, record } of submitted.filter((s) => s.record && s.record.end <= killedAtMs && s.record.outcome !== "ok")) {
        const key = `${type}: ${record!.outcome} ${record!.status ?? ""} ${record!.detail ?? ""}`.trim();
        failuresBeforeKill[key] = (failuresBeforeKill[key] ?? 0) + 1;
      }
      log(
        `round ${round}: killed ${killed.length} processes at ${(killedAtMs / 1000).toFixed(2)} s with ${open} transactions open and ${inFlight.length} submissions unanswered`,
      );

      await waitForBackendsToEnd(sql, 15_000);
      const restartStarted = Date.now();
      server = await options.start();
      const restartMs = Date.now() - restartStarted;

      const verdicts = await inspect(sql, submitted, since);
      const partialDetail = [...verdicts.values()].filter((v) => v !== "stored" && v !== "absent");
      const stored = (s: Submission) => verdicts.get(s) === "stored";
      const acknowledgedSubmissions = submitted.filter((s) => s.record?.outcome === "ok");
      rounds.push({
        round,
        sent: submitted.length,
        acknowledgedBeforeKill,
        failedBeforeKill,
        failuresBeforeKill,
        inFlightAtKill: inFlight.length,
        openTransactionsAtKill: open,
        killedAtMs,
        killedPids: killed.length,
        restartMs,
        committed: {
          uploads: submitted.filter((s) => s.type === "upload" && stored(s)).length,
          decisions: submitted.filter((s) => s.type === "decision" && stored(s)).length,
        },
        committedInFlight: inFlight.filter(stored).length,
        rolledBackInFlight: inFlight.filter((s) => verdicts.get(s) === "absent").length,
        lostAcknowledged: acknowledgedSubmissions.filter((s) => !stored(s)).length,
        partial: partialDetail.length,
        partialDetail: partialDetail.slice(0, 10),
      });
    }
  } finally {
    await server.stop();
  }
  const invariants = await checkInvariants(sql);
  await sql.end();
  const sum = (pick: (round: RoundResult) => number) => rounds.reduce((total, round) => total + pick(round), 0);
  const checks = [
    {
      name: "transactions were open in the database when the server was killed",
      passed: rounds.every((r) => r.openTransactionsAtKill > 0),
      detail: rounds.map((r) => r.openTransactionsAtKill).join(", "),
    },
    { name: "no submission failed before the kill", passed: sum((r) => r.failedBeforeKill) === 0, detail: `${sum((r) => r.failedBeforeKill)} failed` },
    { name: "every acknowledged submission is stored", passed: sum((r) => r.lostAcknowledged) === 0, detail: `${sum((r) => r.lostAcknowledged)} lost` },
    { name: "no submission partly stored", passed: sum((r) => r.partial) === 0, detail: `${sum((r) => r.partial)} partial` },
    { name: "the server starts again after each kill", passed: rounds.length === settings.rounds, detail: rounds.map((r) => `${r.restartMs} ms`).join(", ") },
    ...invariants.map((invariant) => ({ name: invariant.name, passed: invariant.holds, detail: `${invariant.violations} violations` })),
  ];
  return { settings, rounds, invariants, checks };
}
