// Bulk rows through DuckDB's appender (an order of magnitude faster than parameterised multi-row
// INSERTs). Rows name their columns; columns the table has and the row lacks get NULL, so a migration
// that adds a column does not break older writers. The appender joins the connection's open transaction.
import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import type { SqlValue } from './insertRows.ts';

const tableColumns = new WeakMap<DuckDBConnection, Map<string, string[]>>();

async function columnsOf(conn: DuckDBConnection, table: string): Promise<string[]> {
  let byTable = tableColumns.get(conn);
  if (!byTable) {
    byTable = new Map();
    tableColumns.set(conn, byTable);
  }
  let cols = byTable.get(table);
  if (!cols) {
    const rows = (await conn.runAndReadAll('SELECT column_name FROM duckdb_columns() WHERE table_name = ? ORDER BY column_index', [table])).getRowObjectsJson();
    cols = rows.map((r) => String(r.column_name));
    byTable.set(table, cols);
  }
  return cols;
}

function append(a: DuckDBAppender, v: SqlValue | undefined): void {
  if (v === null || v === undefined) a.appendNull();
  else if (typeof v === 'boolean') a.appendBoolean(v);
  else if (typeof v === 'bigint') a.appendBigInt(v);
  else if (typeof v === 'number') {
    if (Number.isSafeInteger(v)) a.appendBigInt(BigInt(v));
    else a.appendDouble(v);
  } else a.appendVarchar(v);
}

export async function appendRows(conn: DuckDBConnection, table: string, columns: readonly string[], rows: readonly (readonly SqlValue[])[]): Promise<void> {
  if (rows.length === 0) return;
  const order = await columnsOf(conn, table);
  const index = order.map((c) => columns.indexOf(c));
  const unknown = columns.filter((c) => !order.includes(c));
  if (unknown.length) throw new Error(`appendRows: ${table} has no column(s) ${unknown.join(', ')}`);
  const a = await conn.createAppender(table);
  try {
    for (const row of rows) {
      for (const i of index) append(a, i < 0 ? null : row[i]);
      a.endRow();
    }
    a.flushSync();
  } finally {
    a.closeSync();
  }
}
