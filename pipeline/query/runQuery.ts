// One analyst query on the read-only connection, and the list of views with their descriptions.
import type { DuckDBConnection } from '@duckdb/node-api';
import { ANALYTICS_VIEWS, SCHEMA_VIEW_DESCRIPTIONS } from '../analytics/views.ts';
import { readRows, readTable, type PlainRow } from '../analytics/readRows.ts';
import { SfeError } from '../errors.ts';

export async function runQuery(conn: DuckDBConnection, sql: string): Promise<{ columns: string[]; rows: PlainRow[] }> {
  try {
    return await readTable(conn, sql);
  } catch (e) {
    const msg = String((e as Error)?.message ?? e);
    if (/read-only|read only|external access|disabled by configuration/i.test(msg)) {
      throw new SfeError('query/read-only', `sfe query 只能读取，不能修改数据库、写文件或访问外部资源：${msg}`);
    }
    throw new SfeError('query/sql-error', `SQL 执行出错：${msg}`);
  }
}

export interface ViewInfo {
  readonly name: string;
  readonly description: string;
}

const DESCRIPTIONS: Readonly<Record<string, string>> = {
  ...SCHEMA_VIEW_DESCRIPTIONS,
  ...Object.fromEntries(ANALYTICS_VIEWS.map((v) => [v.name, v.description])),
};

/** The views present in this database (schema's and analytics'), described in Chinese. */
export async function listViews(conn: DuckDBConnection): Promise<ViewInfo[]> {
  const rows = await readRows(conn, `SELECT view_name FROM duckdb_views() WHERE NOT internal AND schema_name = 'main' ORDER BY view_name`);
  const order = (n: string): number => {
    const i = ANALYTICS_VIEWS.findIndex((v) => v.name === n);
    return n in SCHEMA_VIEW_DESCRIPTIONS ? -1 : i === -1 ? 1000 : i;
  };
  return rows
    .map((r) => String(r.view_name))
    .sort((a, b) => order(a) - order(b) || a.localeCompare(b))
    .map((name) => ({ name, description: DESCRIPTIONS[name] ?? '（无说明）' }));
}
