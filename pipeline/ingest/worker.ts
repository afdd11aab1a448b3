// The pool worker: read, parse and score one file. Loaded through worker.mjs (tsx), one per thread.
import { readFile } from 'node:fs/promises';
import type { Ruleset } from '../../core/index.ts';
import { loadRuleset } from '../rules/loadRuleset.ts';
import { analyseBytes, type FileAnalysis } from './analyseFile.ts';

export interface WorkerTask {
  readonly path: string;
  readonly fileName: string;
  readonly rules?: string;
}

/** Files larger than this are not workbooks anyone filled in by hand. */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

const rulesets = new Map<string, Promise<Ruleset>>();

export async function analyseFile(task: WorkerTask): Promise<FileAnalysis> {
  const key = task.rules ?? '';
  let rs = rulesets.get(key);
  if (!rs) {
    rs = loadRuleset(task.rules);
    rulesets.set(key, rs);
  }
  const ruleset = await rs;
  let bytes: Buffer;
  try {
    bytes = await readFile(task.path);
  } catch (e) {
    const message = `无法读取该文件（${(e as Error).message}），请检查文件权限或是否被占用。`;
    return { status: 'rejected', sha256: null, reasonCode: 'file/unreadable', message, findings: [] };
  }
  if (bytes.length > MAX_FILE_BYTES) {
    const message = `文件大小 ${Math.round(bytes.length / 1048576)} MB 远超自评价表的正常大小，已拒收。`;
    return { status: 'rejected', sha256: null, reasonCode: 'file/zip-bomb', message, findings: [] };
  }
  return analyseBytes(bytes, task.fileName, ruleset);
}

export default analyseFile;
