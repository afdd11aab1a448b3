// Opening the ingest database: a clear Chinese error when another process holds it, then migrations.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { SfeError } from '../errors.ts';
import { migrate } from './migrate.ts';

export interface Db {
  readonly instance: DuckDBInstance;
  readonly conn: DuckDBConnection;
  close(): void;
}

const isLockError = (e: unknown): boolean => /lock|Conflicting lock|being used by another process/i.test(String((e as Error)?.message ?? e));

/**
 * Opens (and creates or migrates) the database at `file`. `readOnly` skips migrations; `config` adds DuckDB
 * settings (the analysts' connection turns external access off).
 */
export async function openDb(file: string, options: { readOnly?: boolean; config?: Record<string, string> } = {}): Promise<Db> {
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(file, { ...(options.readOnly ? { access_mode: 'READ_ONLY' } : {}), ...options.config });
  } catch (e) {
    if (isLockError(e)) {
      throw new SfeError('db/locked', `数据库「${file}」正被另一个程序使用（可能有汇总入库正在进行），请等其结束后再试。`, 3);
    }
    throw new SfeError('db/open-failed', `无法打开数据库「${file}」：${(e as Error).message}`, 3);
  }
  const conn = await instance.connect();
  if (!options.readOnly) await migrate(conn);
  return {
    instance,
    conn,
    close: () => {
      conn.closeSync();
      instance.closeSync();
    },
  };
}
