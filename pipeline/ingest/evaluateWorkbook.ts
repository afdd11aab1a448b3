// `sfe evaluate FILE.xlsx`: the same read → parse → score path the ingest workers run, for one workbook.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SfeError } from '../errors.ts';
import { loadRuleset } from '../rules/loadRuleset.ts';
import { analyseBytes } from './analyseFile.ts';
import type { FindingRow } from './FindingRow.ts';

export interface WorkbookEvaluation {
  readonly file: string;
  readonly answers: unknown;
  readonly evaluation: unknown;
  readonly findings: readonly FindingRow[];
  readonly cachedMismatch: readonly unknown[];
  /** Set when ingest would reject this workbook although it could be scored (identity missing). */
  readonly rejected: { readonly code: string; readonly message: string } | null;
}

export async function evaluateWorkbookFile(file: string, rules?: string): Promise<WorkbookEvaluation> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    throw new SfeError('input/unreadable-file', `无法读取文件「${file}」，请检查路径。`);
  }
  const a = await analyseBytes(bytes, path.basename(file), await loadRuleset(rules));
  const scored = a.scored;
  if (!scored) {
    throw new SfeError(a.status === 'rejected' ? a.reasonCode : 'INTERNAL', a.status === 'rejected' ? a.message : '内部错误', 2);
  }
  return {
    file,
    answers: scored.answers,
    evaluation: scored.evaluation,
    findings: a.status === 'ok' ? a.findings : a.findings.filter((f) => f.code !== 'file/identity-missing'),
    cachedMismatch: scored.cachedMismatch,
    rejected: a.status === 'rejected' ? { code: a.reasonCode, message: a.message } : null,
  };
}
