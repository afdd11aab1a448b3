// The single writer: decides each file's outcome against what the database already holds and stores
// batches of files, one transaction per batch, so a file is stored whole or not at all. The ledger
// (files) is written in the same transaction as the submission it carries.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Ruleset } from '../../core/index.ts';
import type { FileAnalysis } from '../ingest/analyseFile.ts';
import { pipelineFinding, type FindingRow } from '../ingest/FindingRow.ts';
import type { Outcome, RejectionCode } from '../ingest/Outcome.ts';
import type { FoundFile } from '../discover/discover.ts';
import { TEMPLATE_ID } from '../read/templateInfo.ts';
import { FIELD } from '../../core/index.ts';
import { currentOf, type ReturnRecord } from './currentReturn.ts';
import { appendRows } from './appendRows.ts';
import type { SqlValue } from './insertRows.ts';
import {
  FILE_COLUMNS, FINDING_COLUMNS, findingRows, INDICATOR_COLUMNS, indicatorRows, RESULT_COLUMNS, resultRow, SCENARIO_COLUMNS,
  scenarioRows, STAGE_COUNT_COLUMNS, stageCountRows, SUBMISSION_COLUMNS, submissionRow, toTimestamp, UNMET_COLUMNS, unmetRows,
} from './rows.ts';

export type StoredOutcome = Outcome | 'unchanged';

export interface FileReport {
  readonly path: string;
  readonly relPath: string;
  readonly outcome: StoredOutcome;
  readonly reasonCode: RejectionCode | null;
  readonly message: string | null;
  readonly fileId: number | null;
  readonly submissionId: number | null;
  readonly findings: number;
}

interface UsccState {
  returns: (ReturnRecord & { name: string })[];
  currentId: number | null;
}

const ledgerKey = (path: string, sha: string): string => `${path}\u0000${sha}`;
export const statKey = (path: string, size: number, mtimeMs: number): string => `${path}\u0000${size}\u0000${mtimeMs}`;

interface PendingRows {
  files: SqlValue[][];
  submissions: Map<number, { build: (isCurrent: boolean, supersededBy: number | null) => SqlValue[] }>;
  indicators: SqlValue[][];
  scenarios: SqlValue[][];
  results: SqlValue[][];
  stages: SqlValue[][];
  unmet: SqlValue[][];
  findings: SqlValue[][];
  log: SqlValue[][];
}

const emptyPending = (): PendingRows => ({ files: [], submissions: new Map(), indicators: [], scenarios: [], results: [], stages: [], unmet: [], findings: [], log: [] });

export class Writer {
  private nextFileId = 1;
  private nextSubmissionId = 1;
  private readonly ledger = new Set<string>();
  private readonly statLedger = new Set<string>();
  private readonly storedSha = new Map<string, number>();
  private readonly byUscc = new Map<string, UsccState>();

  private constructor(
    private readonly conn: DuckDBConnection,
    private readonly runId: string,
    private readonly ruleset: Ruleset,
  ) {}

  static async open(conn: DuckDBConnection, runId: string, ruleset: Ruleset): Promise<Writer> {
    const w = new Writer(conn, runId, ruleset);
    await w.load();
    return w;
  }

  private async load(): Promise<void> {
    const ids = (await this.conn.runAndReadAll('SELECT coalesce(max(file_id), 0) AS f, (SELECT coalesce(max(submission_id), 0) FROM submissions) AS s FROM files')).getRowObjectsJson()[0];
    this.nextFileId = Number(ids?.f ?? 0) + 1;
    this.nextSubmissionId = Number(ids?.s ?? 0) + 1;
    const files = (await this.conn.runAndReadAll('SELECT file_id, path, sha256, size_bytes, epoch_ms(mtime) AS mtime_ms, submission_id FROM files')).getRowObjectsJson();
    for (const f of files) {
      if (f.sha256 !== null) this.ledger.add(ledgerKey(String(f.path), String(f.sha256)));
      this.statLedger.add(statKey(String(f.path), Number(f.size_bytes), Number(f.mtime_ms)));
      if (f.submission_id !== null && f.sha256 !== null) this.storedSha.set(String(f.sha256), Number(f.file_id));
    }
    const subs = (await this.conn.runAndReadAll('SELECT submission_id, file_id, uscc, name, CAST(fill_date AS VARCHAR) AS fill_date, epoch_ms(file_mtime) AS mtime_ms, is_current FROM submissions')).getRowObjectsJson();
    for (const s of subs) {
      const st = this.state(String(s.uscc));
      const rec = { submissionId: Number(s.submission_id), fileId: Number(s.file_id), fillDate: s.fill_date === null ? null : String(s.fill_date), mtimeMs: Number(s.mtime_ms), name: String(s.name) };
      st.returns.push(rec);
      if (s.is_current === true) st.currentId = rec.submissionId;
    }
  }

  private state(uscc: string): UsccState {
    let st = this.byUscc.get(uscc);
    if (!st) {
      st = { returns: [], currentId: null };
      this.byUscc.set(uscc, st);
    }
    return st;
  }

  /** Whether a file with this path, size and time is already in the ledger (so it need not be read). */
  knownByStat(f: FoundFile): boolean {
    return this.statLedger.has(statKey(f.path, f.size, f.mtimeMs));
  }

  /** Stores a batch in one transaction; returns one report per file, in order. */
  async storeBatch(items: readonly { found: FoundFile; analysis: FileAnalysis }[]): Promise<FileReport[]> {
    const p = emptyPending();
    const reports: FileReport[] = [];
    const touched = new Set<string>();
    for (const { found, analysis } of items) reports.push(this.decide(found, analysis, p, touched));

    // Final current/superseded state of every enterprise this batch touched.
    const updates: [boolean, number | null, number][] = [];
    for (const uscc of touched) {
      const st = this.state(uscc);
      const best = currentOf(st.returns);
      const bestId = best?.submissionId ?? null;
      for (const r of st.returns) {
        const isCurrent = r.submissionId === bestId;
        const supersededBy = isCurrent ? null : bestId;
        const pending = p.submissions.get(r.submissionId);
        if (pending) p.submissions.set(r.submissionId, { build: () => pending.build(isCurrent, supersededBy) });
        else updates.push([isCurrent, supersededBy, r.submissionId]);
      }
      st.currentId = bestId;
    }

    await this.conn.run('BEGIN TRANSACTION');
    try {
      for (const [isCurrent, supersededBy, id] of updates) {
        await this.conn.run('UPDATE submissions SET is_current = ?, superseded_by = ? WHERE submission_id = ?', [isCurrent, supersededBy, id]);
      }
      await appendRows(this.conn, 'submissions', SUBMISSION_COLUMNS, [...p.submissions.values()].map((s) => s.build(false, null)));
      await appendRows(this.conn, 'files', FILE_COLUMNS, p.files);
      await appendRows(this.conn, 'indicator_answers', INDICATOR_COLUMNS, p.indicators);
      await appendRows(this.conn, 'scenario_answers', SCENARIO_COLUMNS, p.scenarios);
      await appendRows(this.conn, 'results', RESULT_COLUMNS, p.results);
      await appendRows(this.conn, 'result_stage_counts', STAGE_COUNT_COLUMNS, p.stages);
      await appendRows(this.conn, 'unmet_conditions', UNMET_COLUMNS, p.unmet);
      await appendRows(this.conn, 'findings', FINDING_COLUMNS, p.findings);
      await appendRows(this.conn, 'ingest_log', ['run_id', 'logged_at', 'level', 'path', 'code', 'message', 'stack'], p.log);
      await this.conn.run('COMMIT');
    } catch (e) {
      await this.conn.run('ROLLBACK');
      throw e;
    }
    return reports;
  }

  private decide(found: FoundFile, a: FileAnalysis, p: PendingRows, touched: Set<string>): FileReport {
    const base = { path: found.path, relPath: found.relPath };
    if (a.sha256 !== null && this.ledger.has(ledgerKey(found.path, a.sha256))) {
      return { ...base, outcome: 'unchanged', reasonCode: null, message: null, fileId: null, submissionId: null, findings: 0 };
    }
    const fileId = this.nextFileId++;
    const now = toTimestamp(Date.now());
    const fileRow = (outcome: Outcome, reason: string | null, message: string | null, duplicateOf: number | null, submissionId: number | null): SqlValue[] => [
      fileId, this.runId, found.path, found.relPath, found.fileName, found.extension, a.sha256, found.size, toTimestamp(found.mtimeMs),
      outcome, reason, message, duplicateOf, submissionId, now,
    ];
    if (a.sha256 !== null) this.ledger.add(ledgerKey(found.path, a.sha256));
    this.statLedger.add(statKey(found.path, found.size, found.mtimeMs));

    if (a.status === 'rejected') {
      p.files.push(fileRow('rejected', a.reasonCode, a.message, null, null));
      p.findings.push(...findingRows(fileId, null, a.findings));
      if (a.reasonCode === 'INTERNAL') p.log.push([this.runId, now, 'error', found.path, 'INTERNAL', a.message, a.stack ?? null]);
      return { ...base, outcome: 'rejected', reasonCode: a.reasonCode, message: a.message, fileId, submissionId: null, findings: a.findings.length };
    }
    const dupOf = this.storedSha.get(a.sha256);
    if (dupOf !== undefined) {
      const message = `与已入库的文件（编号 ${dupOf}）内容完全相同，未重复入库。`;
      p.files.push(fileRow('duplicate', null, message, dupOf, null));
      return { ...base, outcome: 'duplicate', reasonCode: null, message, fileId, submissionId: null, findings: 0 };
    }

    const submissionId = this.nextSubmissionId++;
    this.storedSha.set(a.sha256, fileId);
    const { answers, evaluation, cached, cachedMismatch } = a.scored;
    const uscc = answers.enterprise.uscc ?? '';
    const name = answers.enterprise.name ?? '';
    const st = this.state(uscc);
    const findings: FindingRow[] = [...a.findings];
    const otherNames = [...new Set(st.returns.map((r) => r.name).filter((n) => n !== name))];
    if (otherNames.length > 0) {
      findings.push(pipelineFinding('identity/name-conflict', FIELD.name, a.nameLocation, { uscc, name, otherNames }, name));
    }
    const hadCurrent = st.currentId !== null;
    const rec = { submissionId, fileId, fillDate: answers.enterprise.fillDate, mtimeMs: found.mtimeMs, name };
    st.returns.push(rec);
    touched.add(uscc);
    const becomesCurrent = currentOf(st.returns)?.submissionId === submissionId;
    st.currentId = currentOf(st.returns)?.submissionId ?? null;
    const warned = findings.some((f) => f.severity === 'error' || f.severity === 'warning');
    const outcome: Outcome = hadCurrent && becomesCurrent ? 'replaced' : warned ? 'accepted_with_warnings' : 'accepted';
    const message = outcome === 'replaced' ? '已替换该企业先前的报送。' : !becomesCurrent ? '该企业已有更新的报送，本文件作为历史记录保存。' : null;

    p.files.push(fileRow(outcome, null, message, null, submissionId));
    p.submissions.set(submissionId, {
      build: (isCurrent, supersededBy) =>
        submissionRow({
          submissionId, fileId, runId: this.runId, answers, mtimeMs: found.mtimeMs, templateId: TEMPLATE_ID,
          templateVersion: a.templateVersion, rulesetVersion: evaluation.rulesetVersion, locatedBy: a.locatedBy,
          isCurrent, supersededBy, findings,
        }),
    });
    p.indicators.push(...indicatorRows(submissionId, answers, evaluation, a.rawCells));
    p.scenarios.push(...scenarioRows(submissionId, answers, evaluation, this.ruleset, a.rawCells));
    p.results.push(resultRow(submissionId, evaluation, {
      composite: cached.composite, suggestedTier: cached.suggestedTier, referenceTier: cached.referenceTier, mismatch: cachedMismatch.length > 0,
    }));
    p.stages.push(...stageCountRows(submissionId, evaluation));
    p.unmet.push(...unmetRows(submissionId, evaluation));
    p.findings.push(...findingRows(fileId, submissionId, findings));
    return { ...base, outcome, reasonCode: null, message, fileId, submissionId, findings: findings.length };
  }
}
