// `sfe ingest`: discover → (read → parse → score in a worker pool) → store, in discovery order, in batches.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Piscina } from 'piscina';
import { discover, type FoundFile } from '../discover/discover.ts';
import { loadRuleset } from '../rules/loadRuleset.ts';
import { openDb } from '../store/openDb.ts';
import { statKey, Writer, type FileReport } from '../store/Writer.ts';
import { toTimestamp } from '../store/rows.ts';
import type { FileAnalysis } from './analyseFile.ts';
import { rejectionFinding } from './FindingRow.ts';
import { createProgress, type Progress } from './progress.ts';
import { countOutcomes, type IngestSummary } from './summary.ts';
import { defaultWorkers } from './defaultWorkers.ts';
import type { WorkerTask } from './worker.ts';

export interface IngestOptions {
  readonly paths: readonly string[];
  readonly db: string;
  readonly workers?: number;
  readonly rules?: string;
  /** Files per transaction. */
  readonly batchSize?: number;
  readonly progress?: (total: number) => Progress;
}


function internal(e: unknown): FileAnalysis {
  const err = e as Error;
  const message = `处理该文件时发生内部错误（${err?.message ?? String(e)}），已记录，其他文件继续处理。`;
  return { status: 'rejected', sha256: null, reasonCode: 'INTERNAL', message, stack: err?.stack ?? String(e), findings: [rejectionFinding('INTERNAL', message)] };
}

const WORKER_YOUNG_GENERATION_MB = 8;

export async function ingest(o: IngestOptions): Promise<IngestSummary> {
  const started = Date.now();
  const ruleset = await loadRuleset(o.rules);
  const found = await discover(o.paths);
  const dbPath = path.resolve(o.db);
  const db = await openDb(dbPath);
  const runId = randomUUID();
  const workers = Math.max(1, o.workers ?? defaultWorkers());
  const batchSize = Math.max(1, o.batchSize ?? 50);
  const pool = new Piscina<WorkerTask, FileAnalysis>({
    filename: new URL('./worker.mjs', import.meta.url).href,
    minThreads: workers,
    maxThreads: workers,
    // A few tasks queued inside each worker, so it does not sit idle waiting for the main thread (busy
    // storing a batch) to hand it the next file: ~10% faster on 1 and on 2 workers.
    concurrentTasksPerWorker: 4,
    // The per-file garbage is small and short-lived: a small young generation keeps each worker's heap
    // (and the process's peak memory) small without costing throughput.
    resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
  });
  try {
    await db.conn.run('INSERT INTO ingest_runs (run_id, started_at, status, paths, workers, ruleset_version) VALUES (?, ?, ?, ?, ?, ?)', [
      runId, toTimestamp(started), 'running', JSON.stringify(o.paths), workers, ruleset.version,
    ]);
    const writer = await Writer.open(db.conn, runId, ruleset);
    const reports: FileReport[] = [];
    const todo: FoundFile[] = [];
    for (const f of found) {
      if (writer.knownByStat(f)) {
        reports.push({ path: f.path, relPath: f.relPath, outcome: 'unchanged', reasonCode: null, message: null, fileId: null, submissionId: null, findings: 0 });
      } else todo.push(f);
    }
    const progress = (o.progress ?? createProgress)(found.length);
    progress.update(reports.length);

    // A bounded window of tasks in flight; results are stored in discovery order, so the database
    // after a run (or after a killed run and its rerun) does not depend on thread timing.
    const window = workers * 8;
    const inFlight = new Map<number, Promise<FileAnalysis>>();
    const submit = (i: number): void => {
      const f = todo[i];
      if (!f) return;
      inFlight.set(i, pool.run({ path: f.path, fileName: f.fileName, rules: o.rules }).catch(internal));
    };
    for (let i = 0; i < Math.min(window, todo.length); i++) submit(i);
    let batch: { found: FoundFile; analysis: FileAnalysis }[] = [];
    const flush = async (): Promise<void> => {
      if (batch.length === 0) return;
      reports.push(...(await writer.storeBatch(batch)));
      batch = [];
      progress.update(reports.length);
    };
    for (let i = 0; i < todo.length; i++) {
      const f = todo[i] as FoundFile;
      const analysis = await (inFlight.get(i) as Promise<FileAnalysis>);
      inFlight.delete(i);
      submit(i + window);
      batch.push({ found: f, analysis });
      if (batch.length >= batchSize) await flush();
    }
    await flush();
    progress.stop();

    const counts = countOutcomes(reports);
    const current = (await db.conn.runAndReadAll('SELECT count(*) AS n FROM submissions WHERE is_current')).getRowObjectsJson()[0];
    const rosterRows = (await db.conn.runAndReadAll('SELECT status, count(*) AS n FROM roster_coverage GROUP BY status')).getRowObjectsJson();
    const rosterSize = Number((await db.conn.runAndReadAll('SELECT count(*) AS n FROM roster')).getRowObjectsJson()[0]?.n ?? 0);
    const st = (s: string): number => Number(rosterRows.find((r) => r.status === s)?.n ?? 0);
    const summary: IngestSummary = {
      runId,
      db: dbPath,
      filesFound: found.length,
      ...counts,
      currentEnterprises: Number(current?.n ?? 0),
      roster: rosterSize > 0 ? { size: rosterSize, returned: st('returned'), missing: st('missing'), unexpected: st('unexpected') } : null,
      seconds: (Date.now() - started) / 1000,
      files: reports.map((r) => ({ ...r })),
    };
    const brief = { ...summary, files: undefined };
    await db.conn.run('UPDATE ingest_runs SET finished_at = ?, status = ?, files_found = ?, summary = ? WHERE run_id = ?', [
      toTimestamp(Date.now()), 'finished', found.length, JSON.stringify(brief), runId,
    ]);
    return summary;
  } finally {
    await pool.destroy();
    db.close();
  }
}

export { statKey, defaultWorkers };
