// A generated folder through `ingest`: every file's outcome, findings at their cells, the current return
// per enterprise, the roster's missing list, and a second run that adds nothing.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../pipeline/ingest/ingest.ts';
import type { IngestSummary } from '../../pipeline/ingest/summary.ts';
import { importRoster } from '../../pipeline/roster/importRoster.ts';
import { buildCorpus, cellOfField, type Corpus } from './corpus.ts';
import { query, silentProgress } from './db.ts';

const SFE = path.resolve(__dirname, '../../bin/sfe.mjs');

let corpus: Corpus;
let db: string;
let first: IngestSummary;

beforeAll(async () => {
  const tmp = await mkdtemp(path.join(tmpdir(), 'sfe-ingest-'));
  corpus = await buildCorpus(path.join(tmp, 'returns'));
  db = path.join(tmp, 'sfe.duckdb');
  await importRoster(corpus.rosterFile, db);
  first = await ingest({ paths: [corpus.dir], db, workers: 2, batchSize: 5, progress: silentProgress });
});

const tableCounts = async (): Promise<Row> =>
  (await query(db, `SELECT (SELECT count(*) FROM files) f, (SELECT count(*) FROM submissions) s, (SELECT count(*) FROM findings) fi,
    (SELECT count(*) FROM indicator_answers) ia, (SELECT count(*) FROM scenario_answers) sa, (SELECT count(*) FROM results) r,
    (SELECT count(*) FROM unmet_conditions) u, (SELECT count(*) FROM result_stage_counts) rs`))[0] ?? {};
type Row = Record<string, unknown>;

describe('sfe ingest on a generated folder', () => {
  it('records exactly one outcome per file, as expected', async () => {
    const files = await query(db, 'SELECT rel_path, outcome, reason_code FROM files ORDER BY rel_path');
    expect(files.map((f) => f.rel_path)).toEqual(corpus.expected.map((e) => e.file).sort());
    for (const e of corpus.expected) {
      const f = files.find((x) => x.rel_path === e.file);
      expect({ file: e.file, outcome: f?.outcome, reason: f?.reason_code ?? undefined }).toEqual({ file: e.file, outcome: e.outcome, reason: e.reason });
    }
    expect(first.files).toHaveLength(corpus.expected.length);
  });

  it('places each expected finding at its template cell', async () => {
    const rows = await query(db, 'SELECT f.rel_path, fi.code, fi.cell, fi.field FROM findings fi JOIN files f USING (file_id)');
    for (const e of corpus.expected) {
      for (const want of e.findings ?? []) {
        const got = rows.filter((r) => r.rel_path === e.file && r.code === want.code && r.field === want.field);
        expect(got.map((g) => g.cell), `${e.file} ${want.code} ${want.field}`).toEqual([cellOfField(want.field)]);
      }
    }
    // Clean returns carry no finding at all.
    const cleanFiles = corpus.expected.filter((e) => e.outcome === 'accepted').map((e) => e.file);
    expect(rows.filter((r) => cleanFiles.includes(String(r.rel_path)))).toEqual([]);
  });

  it('keeps one current return per enterprise: newest fill date, then file time', async () => {
    const subs = await query(db, `SELECT f.rel_path, s.uscc, s.is_current, s.superseded_by, s.located_by FROM submissions s JOIN files f USING (file_id)`);
    for (const e of corpus.expected.filter((x) => x.current !== undefined)) {
      const s = subs.find((x) => x.rel_path === e.file);
      expect({ file: e.file, uscc: s?.uscc, current: s?.is_current }).toEqual({ file: e.file, uscc: e.uscc, current: e.current });
      if (e.locatedBy) expect(s?.located_by).toBe(e.locatedBy);
    }
    const perUscc = await query(db, 'SELECT uscc, count(*) FILTER (WHERE is_current) AS c FROM submissions GROUP BY uscc');
    expect(perUscc.every((r) => Number(r.c) === 1)).toBe(true);
    const current = await query(db, 'SELECT count(*) AS n, count(DISTINCT uscc) AS u FROM current_results');
    expect(current[0]?.n).toBe(current[0]?.u);
    // Superseded rows point at the current one.
    const dangling = await query(db, `SELECT s.submission_id FROM submissions s JOIN submissions c ON c.submission_id = s.superseded_by WHERE NOT c.is_current OR c.uscc <> s.uscc`);
    expect(dangling).toEqual([]);
  });

  it('records renamed copies as duplicates of the stored file', async () => {
    for (const e of corpus.expected.filter((x) => x.duplicateOf)) {
      const r = await query(db, `SELECT o.rel_path FROM files d JOIN files o ON o.file_id = d.duplicate_of WHERE d.rel_path = '${e.file}'`);
      expect(r.map((x) => x.rel_path)).toEqual([e.duplicateOf]);
    }
  });

  it('knows who on the roster is missing and who was not expected', async () => {
    const cov = await query(db, 'SELECT uscc, status FROM roster_coverage ORDER BY uscc');
    expect(cov.filter((r) => r.status === 'missing').map((r) => r.uscc)).toEqual([...corpus.neverReturned].sort());
    expect(cov.filter((r) => r.status === 'unexpected').map((r) => r.uscc)).toEqual([...corpus.notInRoster].sort());
    expect(first.roster?.missing).toBe(corpus.neverReturned.length);
  });

  it('adds nothing on a second run, even when file times changed', async () => {
    const before = await tableCounts();
    const touched = path.join(corpus.dir, 'a02-valid.xlsx');
    await utimes(touched, new Date(), new Date());
    const again = await ingest({ paths: [corpus.dir], db, workers: 1, progress: silentProgress });
    expect(again.outcomes.unchanged).toBe(corpus.expected.length);
    expect(await tableCounts()).toEqual(before);
  });

  it('gives the same findings as `sfe evaluate` of the same file', async () => {
    for (const file of ['b02-out-of-band.xlsx', 'b03-cached-mismatch.xlsx', 'd01-name-conflict.xlsx']) {
      const out = JSON.parse(execFileSync(process.execPath, [SFE, 'evaluate', path.join(corpus.dir, file)], { encoding: 'utf8' })) as { findings: Row[] };
      const stored = await query(db, `SELECT fi.code, fi.severity, fi.cell, fi.field, fi.raw, fi.message FROM findings fi JOIN files f USING (file_id) WHERE f.rel_path = '${file}' ORDER BY seq`);
      const fromEvaluate = out.findings.map((f) => ({ code: f.code, severity: f.severity, cell: f.cell, field: f.field, raw: f.raw, message: f.message }));
      // The name conflict needs the other files, so only the ingest knows it; everything else is identical.
      expect(stored.filter((r) => r.code !== 'identity/name-conflict')).toEqual(fromEvaluate);
    }
  });

  it('runs every example query of docs/schema.md', async () => {
    const md = readFileSync(path.resolve(__dirname, '../../docs/schema.md'), 'utf8');
    const blocks = [...md.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => (m[1] ?? '').trim());
    expect(blocks.length).toBeGreaterThanOrEqual(15);
    for (const sql of blocks) await expect(query(db, sql), sql).resolves.toBeDefined();
  });
});
