// Discover stage: every file under the given paths, recursively, in a stable order. Nothing is skipped
// silently: files that are not .xlsx/.xlsm are listed too, and ingest records them as rejected.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { SfeError } from '../errors.ts';

export interface FoundFile {
  /** Absolute path. */
  readonly path: string;
  /** Relative to the root it was found under (the file name when a file was given directly). */
  readonly relPath: string;
  readonly fileName: string;
  readonly extension: string;
  readonly size: number;
  readonly mtimeMs: number;
}

export const WORKBOOK_EXTENSIONS: ReadonlySet<string> = new Set(['.xlsx', '.xlsm']);

async function walk(dir: string, root: string, out: FoundFile[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) await walk(p, root, out);
    else if (e.isFile()) out.push(await found(p, path.relative(root, p)));
  }
}

async function found(p: string, relPath: string): Promise<FoundFile> {
  const s = await stat(p);
  const fileName = path.basename(p);
  return { path: p, relPath: relPath.split(path.sep).join('/'), fileName, extension: path.extname(fileName).toLowerCase(), size: s.size, mtimeMs: Math.floor(s.mtimeMs) };
}

/** All files under `paths` (files or folders), deduplicated, sorted by path within each root. */
export async function discover(paths: readonly string[]): Promise<FoundFile[]> {
  const out: FoundFile[] = [];
  for (const given of paths) {
    const abs = path.resolve(given);
    let s;
    try {
      s = await stat(abs);
    } catch {
      throw new SfeError('input/not-found', `找不到「${given}」，请检查路径。`);
    }
    if (s.isDirectory()) await walk(abs, abs, out);
    else out.push(await found(abs, path.basename(abs)));
  }
  const seen = new Set<string>();
  return out.filter((f) => (seen.has(f.path) ? false : (seen.add(f.path), true)));
}
