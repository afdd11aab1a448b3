// The bench corpus: N generated enterprises' returns, written once per (n, seed) under bench/data/ and
// reused by later runs. A marker file written last says the corpus is complete.
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { MANIFEST_JSON, RETURNS_DIR, writeCorpus } from '../pipeline/corpus/writeCorpus.ts';

export interface BenchCorpus {
  readonly dir: string;
  readonly returnsDir: string;
  /** Absolute paths of every file in the returns folder, in manifest order. */
  readonly files: readonly string[];
  /** One workbook the ingest accepts without findings (for `sfe evaluate`). */
  readonly cleanWorkbook: string;
  readonly generatedSeconds: number | null;
}

const COMPLETE = 'bench-complete.json';

const ManifestSchema = z.object({
  files: z.array(z.object({ path: z.string(), kind: z.string(), expected: z.string() })),
});

export async function ensureCorpus(dataDir: string, n: number, seed: number, say: (line: string) => void): Promise<BenchCorpus> {
  const dir = join(dataDir, `n${n}-seed${seed}`);
  let generatedSeconds: number | null = null;
  if (!existsSync(join(dir, COMPLETE))) {
    say(`generating ${n} enterprises' returns into ${dir} …`);
    await rm(dir, { recursive: true, force: true });
    const started = Date.now();
    // Bad files (zip bombs, encrypted, …) are left out: the reference is ExcelJS loading workbooks, and
    // the ingest's rejection of those is covered by the tests, not timed here.
    await writeCorpus({ n, seed, outDir: dir, trouble: true, badFiles: false });
    generatedSeconds = (Date.now() - started) / 1000;
    await writeFile(join(dir, COMPLETE), JSON.stringify({ n, seed, generatedSeconds }) + '\n');
  }
  const manifest = ManifestSchema.parse(JSON.parse(await readFile(join(dir, MANIFEST_JSON), 'utf8')));
  const returnsDir = join(dir, RETURNS_DIR);
  const files = manifest.files.map((f) => join(returnsDir, ...f.path.split('/')));
  const clean = manifest.files.find((f) => f.kind === 'workbook' && f.expected === 'accepted');
  if (!clean) throw new Error('the corpus has no cleanly accepted workbook');
  return { dir, returnsDir, files, cleanWorkbook: join(returnsDir, ...clean.path.split('/')), generatedSeconds };
}

/** A fixed pseudo-random sample (same files for the same corpus), in the corpus's order. */
export function sampleOf<T>(items: readonly T[], size: number, seed: number): T[] {
  if (items.length <= size) return [...items];
  let s = seed >>> 0 || 1;
  const next = (): number => {
    // xorshift32: deterministic and good enough to pick a spread of files.
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 0x100000000;
  };
  const idx = items.map((_, i) => i);
  for (let i = idx.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [idx[i], idx[j]] = [idx[j] as number, idx[i] as number];
  }
  return idx.slice(0, size).sort((a, b) => a - b).map((i) => items[i] as T);
}
