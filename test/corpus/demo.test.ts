// The demo end to end (issue 7): every file the corpus planted ends as the manifest says, with exactly the
// planted findings, and the printed counts are the database's.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoText, runDemo, type DemoResult } from '../../pipeline/demo/runDemo.ts';

interface FileRow {
  rel_path: string;
  outcome: string;
  reason_code: string | null;
  is_current: boolean | null;
  codes: string | null;
}

let dir: string;
let demo: DemoResult;
let rows: Map<string, FileRow>;
let missing: string[];
let unexpected: string[];
let outcomeCounts: Record<string, number>;

async function query<T>(db: string, sql: string): Promise<T[]> {
  const inst = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
  const conn = await inst.connect();
  try {
    return (await conn.runAndReadAll(sql)).getRowObjectsJson() as unknown as T[];
  } finally {
    conn.closeSync();
    inst.closeSync();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sfe-demo-'));
  demo = await runDemo({ n: 60, seed: 11, out: join(dir, 'demo'), workers: 1 });
  const all = await query<FileRow>(
    demo.db,
    `SELECT f.rel_path, f.outcome, f.reason_code, s.is_current,
            (SELECT string_agg(DISTINCT code, ',' ORDER BY code) FROM findings x WHERE x.file_id = f.file_id) AS codes
     FROM files f LEFT JOIN submissions s USING (submission_id)`,
  );
  rows = new Map(all.map((r) => [r.rel_path.replace(/\\/g, '/'), r]));
  missing = (await query<{ uscc: string }>(demo.db, "SELECT uscc FROM roster_coverage WHERE status = 'missing'")).map((r) => r.uscc).sort();
  unexpected = (await query<{ uscc: string }>(demo.db, "SELECT uscc FROM roster_coverage WHERE status = 'unexpected'")).map((r) => r.uscc).sort();
  outcomeCounts = Object.fromEntries(
    (await query<{ outcome: string; n: string }>(demo.db, 'SELECT outcome, count(*) AS n FROM files GROUP BY outcome')).map((r) => [r.outcome, Number(r.n)]),
  );
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sfe demo, end to end', () => {
  it('every file ends as the manifest planned', () => {
    const m = demo.manifest;
    expect(rows.size).toBe(m.files.length);
    for (const f of m.files) {
      const r = rows.get(f.path);
      expect(r, f.path).toBeDefined();
      if (!r) continue;
      switch (f.expected) {
        case 'rejected':
          expect([r.outcome, r.reason_code], f.path).toEqual(['rejected', f.rejectCode]);
          break;
        case 'duplicate':
          expect(r.outcome, f.path).toBe('duplicate');
          break;
        case 'superseded':
          expect(['accepted', 'accepted_with_warnings', 'replaced'], f.path).toContain(r.outcome);
          expect(r.is_current, f.path).toBe(false);
          break;
        default:
          expect(r.outcome, f.path).toBe(f.replaces.length > 0 ? 'replaced' : f.expected);
          expect(r.is_current, f.path).toBe(true);
      }
    }
  });

  it('every planted finding is found with its code, and nothing unplanted is flagged', () => {
    for (const f of demo.manifest.files) {
      const r = rows.get(f.path);
      if (!r || f.kind === 'copy') continue;
      const found = new Set((r.codes ?? '').split(',').filter(Boolean));
      if (f.rejectCode) {
        expect(found.has(f.rejectCode), f.path).toBe(true);
        for (const c of found) expect([f.rejectCode, ...f.expectedCodes], `${f.path}: ${c}`).toContain(c);
        continue;
      }
      for (const c of f.ingestMayAdd) found.delete(c);
      expect([...found].sort(), f.path).toEqual(f.expectedCodes);
    }
  });

  it('knows who is missing and who was not on the roster', () => {
    expect(missing).toEqual([...demo.manifest.expectedMissing].sort());
    expect(unexpected).toEqual([...demo.manifest.unexpected].sort());
  });

  it('prints the database’s counts and names the report to open', () => {
    const o = demo.ingest.outcomes;
    for (const k of ['accepted', 'accepted_with_warnings', 'replaced', 'duplicate', 'rejected'] as const) expect(o[k], k).toBe(outcomeCounts[k] ?? 0);
    const text = demoText(demo);
    expect(text).toContain(`接收 ${outcomeCounts.accepted ?? 0}，`);
    expect(text).toContain(`拒收 ${outcomeCounts.rejected ?? 0}；`);
    expect(text).toContain(`请先打开报告：${demo.report.html}`);
    expect(demo.feedback.length).toBe(demo.ingest.currentEnterprises);
    expect(existsSync(demo.report.html) && demo.feedback.every((f) => existsSync(f))).toBe(true);
  });
});
