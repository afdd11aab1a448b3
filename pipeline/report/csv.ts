// CSV and Parquet exports. CSV is for Excel users in China: UTF-8 with a BOM (or Excel guesses GBK) and
// no cell that Excel would run as a formula. Parquet is for analysts: DuckDB's built-in writer, exact types.
import { createWriteStream } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import Papa from 'papaparse';
import { plainValue, type PlainValue } from '../analytics/readRows.ts';

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell Excel or WPS would evaluate (starting = + - @, or a tab / carriage return before one) gets a leading
 * apostrophe (OWASP's CSV-injection advice). Numbers stay numbers: only strings are touched.
 */
export function neutraliseCell(v: PlainValue): PlainValue {
  if (typeof v !== 'string') return v;
  return FORMULA_START.test(v) ? `'${v}` : v;
}

export function toCsv(columns: readonly string[], rows: readonly (readonly PlainValue[])[]): string {
  const data = rows.map((r) => r.map((v) => neutraliseCell(v)));
  return `\uFEFF${Papa.unparse({ fields: [...columns], data }, { newline: '\r\n', quotes: false })}\r\n`;
}

/** Runs a query and streams its rows into a CSV for Excel, chunk by chunk (answers run to millions of rows). */
export async function exportCsv(conn: DuckDBConnection, sql: string, file: string): Promise<number> {
  const result = await conn.stream(sql);
  const columns = result.columnNames();
  const out = createWriteStream(file, { encoding: 'utf8' });
  const write = (text: string): Promise<void> =>
    new Promise((resolve, reject) => out.write(text, (e) => (e ? reject(e) : resolve())));
  let n = 0;
  try {
    await write(`\uFEFF${Papa.unparse([columns], { newline: '\r\n' })}\r\n`);
    for await (const rows of result.yieldRowsJs()) {
      const data = rows.map((r) => r.map((v) => neutraliseCell(plainValue(v))));
      n += data.length;
      if (data.length) await write(`${Papa.unparse(data, { newline: '\r\n', quotes: false })}\r\n`);
    }
  } finally {
    await new Promise<void>((resolve) => out.end(resolve));
  }
  return n;
}

const sqlString = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** DuckDB's COPY … (FORMAT parquet): built into the engine, nothing is downloaded. */
export async function exportParquet(conn: DuckDBConnection, sql: string, file: string): Promise<void> {
  await conn.run(`COPY (${sql}) TO ${sqlString(file)} (FORMAT parquet)`);
}

/** What `sfe report` exports: the current results and the answers behind them. */
export const EXPORTS: readonly { readonly name: string; readonly title: string; readonly sql: string }[] = [
  {
    name: 'current_results',
    title: '当前有效答卷的结果',
    sql: `SELECT cr.uscc, cr.name, cr.city_code, cr.city_name, cr.county_code, cr.county_name, cr.industry_code, cr.industry_name,
            cr.scale, cr.maturity, strftime(cr.fill_date, '%Y-%m-%d') AS fill_date, cr.composite, cr.suggested_tier, cr.reference_tier, cr.next_tier,
            cr.count_basic, cr.count_advanced, cr.count_excellent, cr.count_leading, cr.errors, cr.warnings,
            ep.city_percentile, ep.industry_percentile, ep.scenarios_to_next_tier, cr.submission_id
          FROM current_results cr LEFT JOIN enterprise_position ep USING (submission_id)
          ORDER BY cr.city_code, cr.county_code, cr.uscc`,
  },
  {
    name: 'indicator_answers',
    title: '当前有效答卷的指标答案',
    sql: `SELECT s.uscc, s.name, ia.indicator_id, ia.raw_level, ia.level, ia.is_na, ia.raw_score, ia.score, ia.fit, ia.valid,
            ia.investment_total, ia.investment_2024, s.submission_id
          FROM indicator_answers ia JOIN submissions s USING (submission_id)
          WHERE s.is_current ORDER BY s.uscc, ia.indicator_id`,
  },
  {
    name: 'scenario_answers',
    title: '当前有效答卷的场景自评',
    sql: `SELECT s.uscc, s.name, sa.scenario_id, sa.raw_tier, sa.tier, sa.counted_tier, sa.stage, sa.area, s.submission_id
          FROM scenario_answers sa JOIN submissions s USING (submission_id)
          WHERE s.is_current ORDER BY s.uscc, sa.scenario_id`,
  },
];

/** Narrows an export to one city or industry (for a city agency's own report). */
export function scopedExportSql(sql: string, scope: { city: string | null; industry: string | null }): string {
  const cond: string[] = [];
  if (scope.city) cond.push(`city_code = ${sqlString(scope.city)}`);
  if (scope.industry) cond.push(`industry_code = ${sqlString(scope.industry)}`);
  if (!cond.length) return sql;
  return `SELECT * FROM (${sql}) x WHERE submission_id IN (SELECT submission_id FROM submissions WHERE is_current AND ${cond.join(' AND ')})`;
}
