// The analyst's connection: DuckDB in READ_ONLY access mode with external access off, so a query can
// neither change the database nor write files, install extensions or reach the network.
import { existsSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { SfeError } from '../errors.ts';
import type { Db } from '../store/openDb.ts';

const READ_ONLY_OPTIONS: Record<string, string> = {
  access_mode: 'READ_ONLY',
  enable_external_access: 'false',
  autoinstall_known_extensions: 'false',
  autoload_known_extensions: 'false',
};

export async function openReadOnly(file: string): Promise<Db> {
  if (!existsSync(file)) {
    throw new SfeError('db/not-found', `找不到数据库「${file}」。请先运行 sfe ingest 汇总入库，或用 --db 指定数据库文件。`);
  }
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(file, READ_ONLY_OPTIONS);
  } catch (e) {
    const msg = String((e as Error)?.message ?? e);
    if (/lock|being used by another process/i.test(msg)) {
      throw new SfeError('db/locked', `数据库「${file}」正被另一个程序使用（可能有汇总入库正在进行），请等其结束后再试。`, 3);
    }
    throw new SfeError('db/open-failed', `无法打开数据库「${file}」：${msg}`, 3);
  }
  const conn = await instance.connect();
  return {
    instance,
    conn,
    close: () => {
      conn.closeSync();
      instance.closeSync();
    },
  };
}
