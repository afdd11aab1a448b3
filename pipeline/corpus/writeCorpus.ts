// Writes a planned corpus to disk: the returned workbooks (nested by city and county, as agencies file them),
// the bad files, the roster in UTF-8 and GBK, and a manifest of what the ingest must make of every file.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { FIELD, INPUT_FIELDS, type FindingCode } from '../../core/index.ts';
import { COMMITTED_TEMPLATE } from '../template/fill.ts';
import { generateTemplate } from '../template/generate.ts';
import type { BadFileContext } from './badFiles.ts';
import { planCorpus, type CorpusPlanOptions, type ExpectedOutcome, type PlannedFile } from './plan.ts';
import { rosterGbk, rosterUtf8Bom } from './roster.ts';
import type { Cells, PlantedTrouble } from './trouble.ts';
import { TemplatePatcher } from './xlsx/TemplatePatcher.ts';

export const RETURNS_DIR = 'returns';
export const ROSTER_CSV = 'roster.csv';
export const ROSTER_GBK_CSV = 'roster-gbk.csv';
export const MANIFEST_JSON = 'manifest.json';
export const MANIFEST_VERSION = 1;

export interface CorpusOptions extends Partial<Omit<CorpusPlanOptions, 'n' | 'seed'>> {
  readonly n: number;
  readonly seed: number | string;
  /** Where to write: returns/ (the folder to ingest), roster.csv, roster-gbk.csv, manifest.json. */
  readonly outDir: string;
  /** The empty template's bytes; default: the committed template, generated when absent. */
  readonly template?: Buffer;
}

export interface CorpusFileRecord {
  /** Relative to the returns folder, '/'-separated. */
  readonly path: string;
  readonly kind: PlannedFile['kind'];
  /** The roster identity of the sender. */
  readonly enterpriseUscc: string;
  /** What the file's 统一社会信用代码 cell holds (null for non-workbooks and an emptied identity). */
  readonly fileUscc: string | null;
  readonly fillDate: string | null;
  readonly expected: ExpectedOutcome;
  readonly rejectCode: string | null;
  readonly planted: readonly PlantedTrouble[];
  /** The finding codes the core must report for this file, and nothing else. */
  readonly expectedCodes: readonly FindingCode[];
  readonly ingestMayAdd: readonly string[];
  readonly duplicateOf: string | null;
  readonly replaces: readonly string[];
  readonly supersededBy: string | null;
  readonly sha256: string;
  readonly bytes: number;
}

export interface CorpusManifest {
  readonly version: number;
  readonly seed: number | string;
  readonly n: number;
  readonly trouble: boolean;
  readonly badFiles: boolean;
  readonly returnsDir: string;
  readonly rosterCsv: string;
  readonly rosterGbkCsv: string;
  readonly rosterSize: number;
  readonly neverReturned: readonly string[];
  readonly expectedMissing: readonly string[];
  readonly unexpected: readonly string[];
  readonly counts: Readonly<Record<ExpectedOutcome, number>>;
  readonly files: readonly CorpusFileRecord[];
}

const DATE_FIELDS: ReadonlySet<string> = new Set([FIELD.fillDate]);

export function createFiller(template: Buffer): (cells: Cells) => Buffer {
  const patcher = TemplatePatcher.fromTemplate(template, INPUT_FIELDS);
  return (cells) => patcher.fill(cells, DATE_FIELDS);
}

export async function defaultTemplate(): Promise<Buffer> {
  return existsSync(COMMITTED_TEMPLATE) ? readFile(COMMITTED_TEMPLATE) : generateTemplate();
}

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

export async function writeCorpus(options: CorpusOptions): Promise<CorpusManifest> {
  const plan = planCorpus({ n: options.n, seed: options.seed, trouble: options.trouble ?? true, badFiles: options.badFiles ?? true });
  const fill = createFiller(options.template ?? (await defaultTemplate()));
  const returnsDir = join(options.outDir, RETURNS_DIR);
  await mkdir(returnsDir, { recursive: true });

  const written = new Map<string, Buffer>();
  const made = new Set<string>();
  const put = async (path: string, bytes: Buffer): Promise<void> => {
    const full = join(returnsDir, ...path.split('/'));
    const dir = dirname(full);
    if (!made.has(dir)) {
      await mkdir(dir, { recursive: true });
      made.add(dir);
    }
    await writeFile(full, bytes);
  };

  const copied = new Set(plan.files.flatMap((f) => (f.kind === 'copy' ? [f.duplicateOf] : [])));
  const fileUsccOf = new Map<string, string | null>();
  const records: CorpusFileRecord[] = [];
  for (const f of plan.files) {
    let bytes: Buffer;
    if (f.kind === 'workbook') bytes = fill(f.cells);
    else if (f.kind === 'copy') bytes = written.get(f.duplicateOf) ?? fill(new Map());
    else {
      const ctx: BadFileContext = { filledWorkbook: async () => fill(f.sourceCells) };
      bytes = await f.badFile.build(ctx);
    }
    // Copies need their original's bytes; keep only the workbooks a copy will ask for.
    if (f.kind === 'workbook' && copied.has(f.path)) written.set(f.path, bytes);
    if (f.kind === 'workbook') fileUsccOf.set(f.path, f.fileUscc);
    await put(f.path, bytes);
    records.push({
      path: f.path,
      kind: f.kind,
      enterpriseUscc: f.enterpriseUscc,
      fileUscc: f.kind === 'workbook' ? f.fileUscc : f.kind === 'copy' ? (fileUsccOf.get(f.duplicateOf) ?? null) : null,
      fillDate: f.kind === 'workbook' ? f.fillDate : null,
      expected: f.expected,
      rejectCode: f.rejectCode,
      planted: f.kind === 'workbook' ? f.planted : [],
      expectedCodes: f.kind === 'workbook' ? f.expectedCodes : [],
      ingestMayAdd: f.kind === 'workbook' ? f.ingestMayAdd : [],
      duplicateOf: f.kind === 'copy' ? f.duplicateOf : null,
      replaces: f.kind === 'workbook' ? f.replaces : [],
      supersededBy: f.kind === 'workbook' ? f.supersededBy : null,
      sha256: sha256(bytes),
      bytes: bytes.length,
    });
  }

  await writeFile(join(options.outDir, ROSTER_CSV), rosterUtf8Bom(plan.enterprises));
  await writeFile(join(options.outDir, ROSTER_GBK_CSV), rosterGbk(plan.enterprises));

  const counts: Record<ExpectedOutcome, number> = { accepted: 0, accepted_with_warnings: 0, rejected: 0, duplicate: 0, superseded: 0 };
  for (const r of records) counts[r.expected]++;
  const manifest: CorpusManifest = {
    version: MANIFEST_VERSION,
    seed: options.seed,
    n: options.n,
    trouble: plan.options.trouble,
    badFiles: plan.options.badFiles,
    returnsDir: RETURNS_DIR,
    rosterCsv: ROSTER_CSV,
    rosterGbkCsv: ROSTER_GBK_CSV,
    rosterSize: plan.enterprises.length,
    neverReturned: plan.neverReturned,
    expectedMissing: plan.expectedMissing,
    unexpected: plan.unexpected,
    counts,
    files: records,
  };
  await writeFile(join(options.outDir, MANIFEST_JSON), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}
