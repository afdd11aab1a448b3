// Prepared multi-row INSERTs: one statement per chunk of rows, never one per row.
import type { DuckDBConnection } from '@duckdb/node-api';

export type SqlValue = string | number | boolean | bigint | null;

const CHUNK_PARAMS = 30_000;

export async function insertRows(conn: DuckDBConnection, table: string, columns: readonly string[], rows: readonly (readonly SqlValue[])[]): Promise<void> {
  if (rows.length === 0) return;
  const perChunk = Math.max(1, Math.floor(CHUNK_PARAMS / columns.length));
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let i = 0; i < rows.length; i += perChunk) {
    const chunk = rows.slice(i, i + perChunk);
    const sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(() => tuple).join(', ')}`;
    await conn.run(sql, chunk.flat() as SqlValue[]);
  }
}
