// sfe query: read-only (writes, file access and extension installs refused), the views listed with Chinese
// descriptions, and the three output formats carrying the same rows.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import Papa from 'papaparse';
import { main } from '../../pipeline/cli.ts';
import { ANALYTICS_VIEWS } from '../../pipeline/analytics/views.ts';
import { displayWidth, formatTable } from '../../pipeline/query/format.ts';
import { generateCorpus } from './support/corpus.ts';
import { buildFixtureDb } from './support/storeFixture.ts';

let file: string;

beforeAll(async () => {
  const built = await buildFixtureDb(generateCorpus(60, 3));
  file = built.file;
  built.db.close();
});

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => { out += String(s); return true; });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => { err += String(s); return true; });
  try {
    const code = await main(args);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

afterAll(() => vi.restoreAllMocks());

describe('sfe query', () => {
  it('--list names every analytics view with a Chinese description', async () => {
    const r = await run(['query', '--list', '--db', file]);
    expect(r.code).toBe(0);
    for (const v of ANALYTICS_VIEWS) expect(r.out).toMatch(new RegExp(`^${v.name}\\s+\\S*[\\u4e00-\\u9fff]`, 'm'));
    expect(r.out).toMatch(/^current_results\s/m);
  });

  it('table, csv and json carry the same rows', async () => {
    const sql = 'SELECT city_code, city_name, returns, composite_mean FROM stats_by_city ORDER BY city_code';
    const json = JSON.parse((await run(['query', sql, '--db', file, '--format', 'json'])).out) as Record<string, unknown>[];
    expect(json.length).toBeGreaterThan(1);
    const csv = Papa.parse<Record<string, string>>((await run(['query', sql, '--db', file, '--format', 'csv'])).out, { header: true, skipEmptyLines: true });
    expect(csv.data.map((r) => [r.city_code, Number(r.returns), Number(r.composite_mean)])).toEqual(json.map((r) => [r.city_code, r.returns, r.composite_mean]));
    const table = (await run(['query', sql, '--db', file])).out;
    for (const r of json) expect(table).toContain(String(r.city_name));
    expect(table).toContain(`（${json.length} 行）`);
  });

  it('refuses writes, file access and bad SQL with stable codes, leaving the database unchanged', async () => {
    const before = JSON.parse((await run(['query', 'SELECT count(*)::INT AS n FROM roster', '--db', file, '--format', 'json'])).out);
    for (const sql of ['DELETE FROM roster', 'DROP VIEW region_stats', "COPY (SELECT 1) TO '/tmp/sfe-query-test.csv'", 'CREATE TABLE x (a INT)']) {
      const r = await run(['query', sql, '--db', file]);
      expect(r.code, sql).toBe(2);
      expect(r.err, sql).toContain('[query/read-only]');
    }
    const bad = await run(['query', 'SELEC 1', '--db', file]);
    expect(bad.err).toContain('[query/sql-error]');
    const after = JSON.parse((await run(['query', 'SELECT count(*)::INT AS n FROM roster', '--db', file, '--format', 'json'])).out);
    expect(after).toEqual(before);
    expect((await run(['query', 'SELECT 1', '--db', '/nonexistent/x.duckdb'])).err).toContain('[db/not-found]');
  });

  it('every example query of the analytics section of docs/schema.md runs', async () => {
    const doc = readFileSync(new URL('../../docs/schema.md', import.meta.url), 'utf8');
    const section = doc.slice(doc.indexOf('## Analytics views'));
    const examples = [...section.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => (m[1] ?? '').trim());
    expect(examples.length).toBeGreaterThanOrEqual(ANALYTICS_VIEWS.length - 3);
    for (const view of ANALYTICS_VIEWS) expect(section, view.name).toContain(`\`${view.name}\``);
    for (const sql of examples) {
      const r = await run(['query', sql, '--db', file, '--format', 'json']);
      expect(r.err, sql).toBe('');
      expect(r.code, sql).toBe(0);
    }
  });

  it('aligns CJK text by display width and escapes control characters', () => {
    expect(displayWidth('南京市ab')).toBe(8);
    const t = formatTable(['名称', 'n'], [{ 名称: '南京市', n: 1 }, { 名称: 'a\u001b[2Jb', n: 22 }]);
    const lines = t.split('\n').slice(0, -1);
    expect(new Set(lines.map(displayWidth)).size).toBe(1);
    expect(t).not.toContain('\u001b');
  });
});
