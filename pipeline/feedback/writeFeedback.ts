// Writes one feedback page per current return (or for one 统一社会信用代码).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { SfeError } from '../errors.ts';
import { localStamp } from '../report/loadReport.ts';
import { renderFeedbackHtml } from './html.ts';
import { feedbackTargets, loadFeedbackBatch } from './loadFeedback.ts';
import { feedbackWorkbook } from './workbook.ts';

const BATCH = 500;

/** A file name from an enterprise's name: no path separators, reserved or control characters. */
export function safeFileName(name: string, max = 40): string {
  const cleaned = [...name.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_').replace(/^\.+/, '').trim()].slice(0, max).join('');
  return cleaned || '企业';
}

export type FeedbackFormat = 'html' | 'xlsx';

export async function writeFeedback(conn: DuckDBConnection, outDir: string, uscc: string | null, now = new Date(), format: FeedbackFormat = 'html'): Promise<string[]> {
  const targets = await feedbackTargets(conn, uscc);
  if (uscc && targets.length === 0) {
    throw new SfeError('feedback/not-found', `数据库中没有统一社会信用代码为「${uscc}」的当前有效答卷。`);
  }
  await mkdir(outDir, { recursive: true });
  const stamp = localStamp(now);
  const files: string[] = [];
  for (let i = 0; i < targets.length; i += BATCH) {
    const batch = await loadFeedbackBatch(conn, targets.slice(i, i + BATCH).map((t) => t.submissionId));
    for (const f of batch) {
      const file = join(outDir, `${f.uscc}-${safeFileName(f.name)}.${format}`);
      if (format === 'xlsx') await writeFile(file, await feedbackWorkbook(f, stamp));
      else await writeFile(file, renderFeedbackHtml(f, stamp), 'utf8');
      files.push(file);
    }
  }
  return files;
}
