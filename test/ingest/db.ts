// Read-only queries against an ingest database, for tests.
import { DuckDBInstance } from '@duckdb/node-api';

export type Row = Record<string, unknown>;

export async function query(dbFile: string, sql: string): Promise<Row[]> {
  const instance = await DuckDBInstance.create(dbFile, { access_mode: 'READ_ONLY' });
  const conn = await instance.connect();
  try {
    return (await conn.runAndReadAll(sql)).getRowObjectsJson() as Row[];
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

export const silentProgress = (): { update(): void; stop(): void } => ({ update: () => undefined, stop: () => undefined });
