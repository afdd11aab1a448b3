// Brings a database to the newest schema version, one migration per transaction.
import type { DuckDBConnection } from '@duckdb/node-api';
import { labelRows } from './labels.ts';
import { MIGRATIONS } from './schema.ts';
import { insertRows } from './insertRows.ts';
import { ANALYTICS_VIEW_DDL } from '../analytics/views.ts';

export async function schemaVersion(conn: DuckDBConnection): Promise<number> {
  await conn.run('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)');
  const r = await conn.runAndReadAll('SELECT coalesce(max(version), 0) AS v FROM schema_version');
  return Number(r.getRowObjects()[0]?.v ?? 0);
}

export async function migrate(conn: DuckDBConnection): Promise<void> {
  const current = await schemaVersion(conn);
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    await conn.run('BEGIN TRANSACTION');
    try {
      for (const sql of m.statements) await conn.run(sql);
      await conn.run('INSERT INTO schema_version VALUES (?, ?, current_timestamp)', [m.version, m.description]);
      await conn.run('COMMIT');
    } catch (e) {
      await conn.run('ROLLBACK');
      throw e;
    }
  }
  // Labels follow the code, not the schema: refresh them on every open (cheap, idempotent).
  await conn.run('BEGIN TRANSACTION');
  await conn.run('DELETE FROM labels');
  await insertRows(conn, 'labels', ['kind', 'code', 'label_zh'], labelRows().map((l) => [l.kind, l.code, l.label]));
  await conn.run('COMMIT');
  // The analytics views (pipeline/analytics) follow the code too: recreated on every read-write open.
  for (const sql of ANALYTICS_VIEW_DDL) await conn.run(sql);
}
