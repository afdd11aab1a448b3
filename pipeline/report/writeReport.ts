// `sfe report`'s work: the HTML page, the summary workbook and the CSV/Parquet exports of one scope.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ScopeFilter } from '../analytics/scope.ts';
import { EXPORTS, exportCsv, exportParquet, scopedExportSql } from './csv.ts';
import { renderReportHtml } from './html.ts';
import { loadReportData, resolveScope } from './loadReport.ts';
import type { ReportData } from './ReportData.ts';
import { writeSummaryWorkbook } from './workbook.ts';

export interface ReportFiles {
  readonly html: string;
  readonly workbook: string;
  readonly exports: readonly { readonly name: string; readonly csv: string; readonly parquet: string; readonly rows: number }[];
  readonly data: ReportData;
}

/** File-name suffix of a scoped report, e.g. 「-3205-34」. */
const suffix = (f: ScopeFilter): string => [f.city, f.industry].filter(Boolean).map((x) => `-${x}`).join('');

export async function writeReport(conn: DuckDBConnection, outDir: string, filter: ScopeFilter, now = new Date()): Promise<ReportFiles> {
  const scope = resolveScope(filter);
  const f: ScopeFilter = { city: scope.city?.code ?? null, industry: scope.industry?.code ?? null };
  await mkdir(outDir, { recursive: true });
  const data = await loadReportData(conn, scope, now);
  const sfx = suffix(f);
  const html = join(outDir, `report${sfx}.html`);
  await writeFile(html, renderReportHtml(data), 'utf8');
  const workbook = join(outDir, `summary${sfx}.xlsx`);
  await writeSummaryWorkbook(data, workbook);
  const exports = [];
  for (const e of EXPORTS) {
    const sql = scopedExportSql(e.sql, f);
    const csv = join(outDir, `${e.name}${sfx}.csv`);
    const parquet = join(outDir, `${e.name}${sfx}.parquet`);
    const rows = await exportCsv(conn, sql, csv);
    await exportParquet(conn, sql, parquet);
    exports.push({ name: e.name, csv, parquet, rows });
  }
  return { html, workbook, exports, data };
}
