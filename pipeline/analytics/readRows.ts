// Reading view rows as plain JS values: DuckDB's BIGINT/HUGEINT come back as bigint, DATE/TIMESTAMP as
// objects; the report and exports want numbers and strings.
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';

export type PlainValue = string | number | boolean | null;
export type PlainRow = Record<string, PlainValue>;

export function plainValue(v: unknown): PlainValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

export async function readTable(conn: DuckDBConnection, sql: string, params: readonly DuckDBValue[] = []): Promise<{ columns: string[]; rows: PlainRow[] }> {
  const reader = await conn.runAndReadAll(sql, [...params]);
  const rows = reader.getRowObjectsJS().map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, plainValue(v)])));
  return { columns: reader.columnNames(), rows };
}

export async function readRows(conn: DuckDBConnection, sql: string, params: readonly DuckDBValue[] = []): Promise<PlainRow[]> {
  return (await readTable(conn, sql, params)).rows;
}

export const num = (v: PlainValue | undefined): number | null => (typeof v === 'number' ? v : v === null || v === undefined ? null : Number(v));
export const int = (v: PlainValue | undefined): number => (typeof v === 'number' ? v : Number(v ?? 0));
export const str = (v: PlainValue | undefined): string | null => (v === null || v === undefined ? null : String(v));
