// The analyst's connection: DuckDB in READ_ONLY access mode with external access off, so a query can
// neither change the database nor write files, install extensions or reach the network.
import { existsSync } from 'node:fs';
import { SfeError } from '../errors.ts';
import { openDb, type Db } from '../store/openDb.ts';

const NO_EXTERNAL_ACCESS: Record<string, string> = {
  enable_external_access: 'false',
  autoinstall_known_extensions: 'false',
  autoload_known_extensions: 'false',
};

export async function openReadOnly(file: string): Promise<Db> {
  if (!existsSync(file)) {
    throw new SfeError('db/not-found', `找不到数据库「${file}」。请先运行 sfe ingest 汇总入库，或用 --db 指定数据库文件。`);
  }
  return openDb(file, { readOnly: true, config: NO_EXTERNAL_ACCESS });
}
