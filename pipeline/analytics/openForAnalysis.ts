// Opening an existing ingest database for reading results: a missing file is a clear error (opening would
// silently create an empty database), and the views must be there.
import { existsSync } from 'node:fs';
import { SfeError } from '../errors.ts';
import { openDb, type Db } from '../store/openDb.ts';

/**
 * `readOnly` (sfe query): DuckDB's READ_ONLY access mode, nothing can be changed. Otherwise (sfe report,
 * sfe feedback) the database is opened normally so the schema and the analytics views are brought up to date.
 */
export async function openForAnalysis(file: string, options: { readOnly?: boolean } = {}): Promise<Db> {
  if (!existsSync(file)) {
    throw new SfeError('db/not-found', `找不到数据库「${file}」。请先运行 sfe ingest 汇总入库，或用 --db 指定数据库文件。`);
  }
  return openDb(file, { readOnly: options.readOnly ?? false });
}
