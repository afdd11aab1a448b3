// The views on a database built by the real pipeline (workbooks written from the template, the roster
// imported, `ingest`), against each current workbook evaluated on its own through `sfe evaluate`'s path.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TIER_KEYS, type Answers, type Evaluation } from '../../core/index.ts';
import { openForAnalysis } from '../../pipeline/analytics/openForAnalysis.ts';
import { readRows } from '../../pipeline/analytics/readRows.ts';
import { writeCorpus } from '../../pipeline/corpus/writeCorpus.ts';
import { evaluateWorkbookFile } from '../../pipeline/ingest/evaluateWorkbook.ts';
import { ingest } from '../../pipeline/ingest/ingest.ts';
import { importRoster } from '../../pipeline/roster/importRoster.ts';
import type { Db } from '../../pipeline/store/openDb.ts';
import { countedTiers, groupBy, groupExpect, scenariosToNextTier } from './expected.ts';
import type { StoredReturn } from './support/storeFixture.ts';

let db: Db;
let current: StoredReturn[];

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sfe-ingested-'));
  await writeCorpus({ n: 60, seed: 'analytics-e2e', outDir: dir, trouble: true, badFiles: false });
  const dbFile = join(dir, 'sfe.duckdb');
  await importRoster(join(dir, 'roster.csv'), dbFile);
  await ingest({ paths: [join(dir, 'returns')], db: dbFile, workers: 1 });
  db = await openForAnalysis(dbFile);
  // Which files are current is the ingest's decision (tested by its own suite); their contents are
  // evaluated here independently of the database.
  const files = await readRows(db.conn, 'SELECT s.submission_id, f.path FROM submissions s JOIN files f ON f.file_id = s.file_id WHERE s.is_current ORDER BY s.submission_id');
  current = [];
  for (const f of files) {
    const w = await evaluateWorkbookFile(String(f.path));
    current.push({ submissionId: Number(f.submission_id), answers: w.answers as Answers, evaluation: w.evaluation as Evaluation, current: true });
  }
}, 300_000);
afterAll(() => db?.close());

describe('analytics views on an ingested corpus', () => {
  it('region_stats per city equal the workbooks evaluated one by one', async () => {
    expect(current.length).toBeGreaterThan(40);
    for (const [city, rs] of groupBy(current, (c) => c.answers.enterprise.city ?? '')) {
      const row = (await readRows(db.conn, 'SELECT * FROM stats_by_city WHERE city_code IS NOT DISTINCT FROM ?', [city || null]))[0];
      const e = groupExpect(rs);
      expect(row?.returns, city).toBe(e.returns);
      expect(row?.scored, city).toBe(e.scored);
      if (e.mean === null) expect(row?.composite_mean).toBeNull();
      else expect(row?.composite_mean as number).toBeCloseTo(e.mean, 9);
      for (const t of ['none', ...TIER_KEYS] as const) expect(row?.[`ref_${t}`], `${city} ${t}`).toBe(e.ref[t]);
    }
  });

  it('scenario adoption, upgrade gaps and findings agree with the evaluations', async () => {
    const tiers = current.map(countedTiers);
    const sa = await readRows(db.conn, `SELECT * FROM scenario_adoption WHERE grain = 'province' ORDER BY scenario_id`);
    for (const g of sa) {
      const i = (g.scenario_id as number) - 1;
      for (const t of TIER_KEYS) expect(g[`rated_${t}`], `S${i + 1} ${t}`).toBe(tiers.filter((ts) => ts[i] === t).length);
    }
    const ug = await readRows(db.conn, `SELECT * FROM upgrade_gap WHERE grain = 'province'`);
    for (const [tier, group] of groupBy(current.filter((c) => c.evaluation.nextTier), (c) => c.evaluation.nextTier as string)) {
      const g = ug.find((x) => x.next_tier === tier);
      expect(g?.candidates).toBe(group.length);
      expect(g?.gap_1_3).toBe(group.map(scenariosToNextTier).filter((n) => n !== null && n >= 1 && n <= 3).length);
    }
    const dq = await readRows(db.conn, `SELECT code, sum(findings)::INT AS n FROM data_quality WHERE grain = 'province' GROUP BY code`);
    const coreCodes = new Map<string, number>();
    for (const c of current) for (const f of c.evaluation.issues) coreCodes.set(f.code, (coreCodes.get(f.code) ?? 0) + 1);
    // The ingest may add findings of its own (identity checks beyond the core); every core finding is there.
    for (const [code, n] of coreCodes) expect(dq.find((d) => d.code === code)?.n, code).toBe(n);
  });

  it('roster coverage counts the roster the ingest imported', async () => {
    const prov = (await readRows(db.conn, `SELECT * FROM roster_coverage_by_area WHERE grain = 'province'`))[0];
    const roster = (await readRows(db.conn, 'SELECT count(*)::INT AS n FROM roster'))[0]?.n as number;
    const returned = (await readRows(db.conn, 'SELECT count(*)::INT AS n FROM submissions WHERE is_current AND uscc IN (SELECT uscc FROM roster)'))[0]?.n;
    expect(prov?.expected).toBe(roster);
    expect(prov?.returned).toBe(returned);
    expect(prov?.missing).toBe(roster - (returned as number));
    expect(prov?.missing).toBeGreaterThan(0);
  });
});
