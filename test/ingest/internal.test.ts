// An unexpected exception while analysing one file becomes that file's INTERNAL outcome, with the stack in
// ingest_log, and the other files of the batch are stored.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULESET_2025 } from '../../core/index.ts';
import type { FoundFile } from '../../pipeline/discover/discover.ts';
import { analyseBytes } from '../../pipeline/ingest/analyseFile.ts';
import type { WorkbookReader } from '../../pipeline/read/WorkbookReading.ts';
import { openDb } from '../../pipeline/store/openDb.ts';
import { Writer } from '../../pipeline/store/Writer.ts';
import { fillFromAnswers } from '../../pipeline/template/fill.ts';
import { drawAnswers } from '../../pipeline/corpus/answers.ts';
import { generateEnterprises } from '../../pipeline/corpus/enterprises.ts';
import { createRandom } from '../../pipeline/corpus/random.ts';

const found = (name: string, size: number): FoundFile => ({ path: path.join('/in', name), relPath: name, fileName: name, extension: '.xlsx', size, mtimeMs: Date.UTC(2025, 4, 1) });

describe('INTERNAL', () => {
  it('records the stack and keeps going', async () => {
    const rng = createRandom(3);
    const [e] = generateEnterprises(1, rng);
    if (!e) throw new Error('no enterprise');
    const bytes = await fillFromAnswers(drawAnswers(e, rng, { fillDate: '2025-05-01' }).answers);
    const broken: WorkbookReader = async () => {
      throw new TypeError('reader exploded');
    };
    const bad = await analyseBytes(bytes, 'bad.xlsx', RULESET_2025, broken);
    expect(bad).toMatchObject({ status: 'rejected', reasonCode: 'INTERNAL' });
    const good = await analyseBytes(bytes, 'good.xlsx', RULESET_2025);
    expect(good.status).toBe('ok');

    const db = await openDb(':memory:');
    try {
      await db.conn.run(`INSERT INTO ingest_runs (run_id, started_at, status, paths, workers, ruleset_version) VALUES ('r', now(), 'running', '[]', 1, '2025.1')`);
      const w = await Writer.open(db.conn, 'r', RULESET_2025);
      const reports = await w.storeBatch([
        { found: found('bad.xlsx', bytes.length), analysis: bad },
        { found: found('good.xlsx', bytes.length), analysis: good },
      ]);
      expect(reports.map((r) => [r.outcome, r.reasonCode])).toEqual([['rejected', 'INTERNAL'], ['accepted', null]]);
      const log = (await db.conn.runAndReadAll(`SELECT path, code, stack FROM ingest_log`)).getRowObjectsJson();
      expect(log).toHaveLength(1);
      expect(log[0]).toMatchObject({ path: '/in/bad.xlsx', code: 'INTERNAL' });
      expect(String(log[0]?.stack)).toContain('reader exploded');
    } finally {
      db.close();
    }
  });
});
