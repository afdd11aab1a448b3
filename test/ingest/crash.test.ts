// Crash safety: `sfe ingest` killed with SIGKILL part-way, then run again, leaves the same database as one
// uninterrupted run. And a second process opening a database held by another gets a clear message.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../pipeline/store/openDb.ts';
import { buildCorpus, type Corpus } from './corpus.ts';
import { query } from './db.ts';

const SFE = path.resolve(__dirname, '../../bin/sfe.mjs');

let corpus: Corpus;
let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'sfe-crash-'));
  corpus = await buildCorpus(path.join(tmp, 'returns'));
});

const args = (db: string): string[] => [SFE, 'ingest', corpus.dir, '--db', db, '--workers', '1', '--batch-size', '2'];

function runToEnd(db: string): void {
  const r = spawnSync(process.execPath, args(db), { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
}

/** Starts an ingest and kills it with SIGKILL once `stored` files are reported done (0: at its first line). */
function runAndKill(db: string, stored: number): Promise<{ seen: number; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args(db), { stdio: ['ignore', 'ignore', 'pipe'] });
    let seen = -1;
    let buf = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      buf += chunk;
      for (const m of buf.matchAll(/已处理 (\d+)\//g)) seen = Math.max(seen, Number(m[1]));
      if (seen >= stored && child.exitCode === null) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve({ seen, killed: signal === 'SIGKILL' }));
  });
}

/** The database's content, without run ids and timestamps. */
async function content(db: string): Promise<unknown> {
  const q = (sql: string) => query(db, sql);
  return {
    files: await q(`SELECT file_id, rel_path, sha256, size_bytes, outcome, reason_code, duplicate_of, submission_id FROM files ORDER BY file_id`),
    submissions: await q(`SELECT submission_id, file_id, uscc, name, city_code, county_code, industry_code, fill_date::VARCHAR AS fill_date, is_current, superseded_by, errors, warnings FROM submissions ORDER BY submission_id`),
    results: await q(`SELECT * FROM results ORDER BY submission_id`),
    indicators: await q(`SELECT count(*) n, sum(score) s FROM indicator_answers`),
    scenarios: await q(`SELECT count(*) n, count(tier) t FROM scenario_answers`),
    findings: await q(`SELECT file_id, seq, code, cell, raw FROM findings ORDER BY file_id, seq`),
    unmet: await q(`SELECT submission_id, seq, code FROM unmet_conditions ORDER BY ALL`),
  };
}

describe('crash safety', () => {
  it('a run killed at several points and rerun equals an uninterrupted run', async () => {
    const reference = path.join(tmp, 'reference.duckdb');
    runToEnd(reference);
    const want = await content(reference);
    const total = corpus.expected.length;
    let killedMidway = 0;
    for (const point of [0, 3, 8]) {
      const db = path.join(tmp, `killed-${point}.duckdb`);
      const { killed } = await runAndKill(db, point);
      // Part of the work is in the database, whole files only: every stored ledger row of an accepted file has its submission.
      const partial = await query(db, `SELECT count(*) AS n, count(*) FILTER (WHERE outcome IN ('accepted', 'accepted_with_warnings', 'replaced') AND submission_id NOT IN (SELECT submission_id FROM submissions)) AS orphans FROM files`);
      expect(Number(partial[0]?.n)).toBeGreaterThanOrEqual(point);
      // On a loaded machine the child may outrun the kill; it must still have been killed, and most runs part-way.
      if (killed && Number(partial[0]?.n) < total) killedMidway += 1;
      expect(partial[0]?.orphans).toBe('0');
      runToEnd(db);
      expect(await content(db), `killed after ${point}`).toEqual(want);
      // And the ledger shows one row per file.
      const n = await query(db, 'SELECT count(*) AS n, count(DISTINCT rel_path) AS d FROM files');
      expect(n[0]).toEqual({ n: String(total), d: String(total) });
    }
    expect(killedMidway).toBeGreaterThanOrEqual(2);
  });

  it('a second process gets db/locked in Chinese, not a stack trace', async () => {
    const db = path.join(tmp, 'held.duckdb');
    const held = await openDb(db);
    try {
      const r = spawnSync(process.execPath, args(db), { encoding: 'utf8' });
      expect(r.status).toBe(3);
      expect(r.stderr).toContain('[db/locked]');
      expect(r.stderr).toContain('正被另一个程序使用');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      held.close();
    }
  });
});
