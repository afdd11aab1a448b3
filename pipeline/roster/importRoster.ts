// Replaces the roster table with a file's rows, in one transaction.
import { insertRows } from '../store/insertRows.ts';
import { openDb } from '../store/openDb.ts';
import { toTimestamp } from '../store/rows.ts';
import { readRoster, type RosterProblem } from './readRoster.ts';

export interface RosterImport {
  readonly file: string;
  readonly encoding: string | null;
  readonly imported: number;
  readonly problems: readonly RosterProblem[];
  readonly returned: number;
  readonly missing: number;
  readonly unexpected: number;
}

export async function importRoster(file: string, dbFile: string): Promise<RosterImport> {
  const { rows, problems, encoding } = await readRoster(file);
  const db = await openDb(dbFile);
  try {
    const now = toTimestamp(Date.now());
    await db.conn.run('BEGIN TRANSACTION');
    try {
      await db.conn.run('DELETE FROM roster');
      await insertRows(
        db.conn, 'roster',
        ['uscc', 'name', 'city_code', 'city_name', 'county_code', 'county_name', 'industry_code', 'source_file', 'imported_at'],
        rows.map((r) => [r.uscc, r.name, r.cityCode, r.cityName, r.countyCode, r.countyName, r.industryCode, file, now]),
      );
      await db.conn.run('COMMIT');
    } catch (e) {
      await db.conn.run('ROLLBACK');
      throw e;
    }
    const counts = (await db.conn.runAndReadAll('SELECT status, count(*) AS n FROM roster_coverage GROUP BY status')).getRowObjectsJson();
    const n = (s: string): number => Number(counts.find((c) => c.status === s)?.n ?? 0);
    return { file, encoding, imported: rows.length, problems, returned: n('returned'), missing: n('missing'), unexpected: n('unexpected') };
  } finally {
    db.close();
  }
}
