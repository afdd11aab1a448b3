// A small generated folder of returned workbooks, with what each file is expected to become. Expectations
// come from how each file was built (and from the template's own cell map), not from the pipeline.
import { mkdir, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { FIELD, type Answers, type LevelNumber } from '../../core/index.ts';
import { drawAnswers } from '../../pipeline/corpus/answers.ts';
import { BAD_FILES } from '../../pipeline/corpus/badFiles.ts';
import { generateEnterprises, type Enterprise } from '../../pipeline/corpus/enterprises.ts';
import { createRandom } from '../../pipeline/corpus/random.ts';
import { rosterGbk } from '../../pipeline/corpus/roster.ts';
import { readZipEntries } from '../../pipeline/corpus/zip/readZip.ts';
import { writeZip } from '../../pipeline/corpus/zip/writeZip.ts';
import { deflatedEntry, type ZipEntry } from '../../pipeline/corpus/zip/zipEntry.ts';
import { fillFromAnswers } from '../../pipeline/template/fill.ts';
import { TEMPLATE_CELL_MAPS, TEMPLATE_VERSION } from '../../pipeline/template/cellMap.ts';

export interface Expected {
  readonly file: string;
  readonly outcome: 'accepted' | 'accepted_with_warnings' | 'replaced' | 'rejected' | 'duplicate';
  readonly reason?: string;
  /** Finding codes with their cells (sheet!address) that must be present. */
  readonly findings?: readonly { code: string; field: string }[];
  readonly uscc?: string;
  readonly current?: boolean;
  readonly duplicateOf?: string;
  readonly locatedBy?: 'defined-names' | 'cell-map';
}

export interface Corpus {
  readonly dir: string;
  readonly rosterFile: string;
  readonly expected: readonly Expected[];
  readonly neverReturned: readonly string[];
  readonly notInRoster: readonly string[];
}

/** sheet!address of a field in the template, from the template's own cell map. */
export function cellOfField(field: string): string {
  const ref = TEMPLATE_CELL_MAPS[TEMPLATE_VERSION]?.[field];
  if (!ref) throw new Error(`no cell for ${field}`);
  return `${ref.sheet}!${ref.address}`;
}

const entryText = (e: ZipEntry): string => (e.method === 8 ? inflateRawSync(e.compressed) : e.compressed).toString('utf8');

/** The same workbook with its parts rewritten (names deleted, cells patched …). */
export function patchParts(bytes: Buffer, patch: (name: string, xml: string) => string | null): Buffer {
  return writeZip(
    readZipEntries(bytes).map((e) => {
      if (!e.name.endsWith('.xml')) return e;
      const out = patch(e.name, entryText(e));
      return out === null ? e : deflatedEntry(e.name, out);
    }),
  );
}

export const withoutDefinedNames = (bytes: Buffer): Buffer =>
  patchParts(bytes, (n, xml) => (n === 'xl/workbook.xml' ? xml.replace(/<definedNames>[\s\S]*?<\/definedNames>/, '') : null));

async function withMetaVersion(bytes: Buffer, version: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const meta = wb.getWorksheet('_meta');
  if (!meta) throw new Error('template has no _meta sheet');
  meta.getCell('B2').value = version;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const withEnterprise = (a: Answers, patch: Partial<Answers['enterprise']>): Answers => ({ ...a, enterprise: { ...a.enterprise, ...patch } });

function withIndicator(a: Answers, id: number, patch: { level?: LevelNumber | null; score?: number | null }): Answers {
  return { ...a, indicators: a.indicators.map((i) => (i.id === id ? { ...i, ...patch } : i)) };
}

export async function buildCorpus(dir: string): Promise<Corpus> {
  await mkdir(dir, { recursive: true });
  const rng = createRandom(20250601);
  const ents = generateEnterprises(9, rng);
  const e = (i: number): Enterprise => ents[i] as Enterprise;
  const clean = (i: number, fillDate = '2025-05-10'): Answers => drawAnswers(e(i), rng, { fillDate }).answers;
  const expected: Expected[] = [];
  const files: [string, Buffer, number?][] = [];
  const add = (name: string, bytes: Buffer, exp: Omit<Expected, 'file'>, mtime?: number): void => {
    files.push([name, bytes, mtime]);
    expected.push({ file: name, ...exp });
  };

  // Valid returns, and a renamed copy of the first.
  const valid0 = await fillFromAnswers(clean(0));
  add('a01-valid.xlsx', valid0, { outcome: 'accepted', uscc: e(0).uscc, current: true, locatedBy: 'defined-names' });
  add('a02-valid.xlsx', await fillFromAnswers(clean(1)), { outcome: 'accepted', uscc: e(1).uscc, current: true });
  add('z99-copy-of-a01.xlsx', valid0, { outcome: 'duplicate', duplicateOf: 'a01-valid.xlsx' });

  // Half-filled: indicators 3..10 left empty.
  let half = clean(2);
  for (const id of [3, 4, 5, 6, 8, 9, 10]) half = withIndicator(half, id, { level: null, score: null });
  add('b01-half-filled.xlsx', await fillFromAnswers(half), {
    outcome: 'accepted_with_warnings', uscc: e(2).uscc, current: true,
    findings: [3, 4, 5, 6, 8, 9, 10].map((id) => ({ code: 'cell/required', field: FIELD.level(id) })).concat([{ code: 'composite/incomplete', field: FIELD.composite }]),
  });

  // Out of band: level 3 with a score from level 5's band.
  add('b02-out-of-band.xlsx', await fillFromAnswers(withIndicator(clean(3), 2, { level: 3, score: 65 })), {
    outcome: 'accepted_with_warnings', uscc: e(3).uscc, current: true, findings: [{ code: 'score/out-of-band', field: FIELD.score(2) }],
  });

  // Cached results that disagree with the inputs.
  const cachedBytes = await fillFromAnswers(clean(4), { cachedResults: new Map([[FIELD.composite, 12.34]]) });
  add('b03-cached-mismatch.xlsx', cachedBytes, { outcome: 'accepted_with_warnings', uscc: e(4).uscc, current: true, findings: [{ code: 'result/cached-mismatch', field: FIELD.composite }] });

  // Names lost (e.g. another program dropped them): read by the version's cell map.
  add('b04-names-lost.xlsx', withoutDefinedNames(await fillFromAnswers(clean(5))), { outcome: 'accepted', uscc: e(5).uscc, current: true, locatedBy: 'cell-map' });

  // Resubmissions: newest fill date wins whatever the order the files are found in.
  add('c01-resubmit-may.xlsx', await fillFromAnswers(clean(6, '2025-05-01')), { outcome: 'accepted', uscc: e(6).uscc, current: false });
  add('c02-resubmit-june.xlsx', await fillFromAnswers(clean(6, '2025-06-01')), { outcome: 'replaced', uscc: e(6).uscc, current: true });
  add('c03-resubmit-april.xlsx', await fillFromAnswers(clean(6, '2025-04-01')), { outcome: 'accepted', uscc: e(6).uscc, current: false });
  // Same date: the newer file time wins.
  const t0 = Date.UTC(2025, 5, 1, 8) / 1000;
  add('c04-same-date-newer.xlsx', await fillFromAnswers(clean(7, '2025-05-20')), { outcome: 'accepted', uscc: e(7).uscc, current: true }, t0 + 3600);
  add('c05-same-date-older.xlsx', await fillFromAnswers(clean(7, '2025-05-20')), { outcome: 'accepted', uscc: e(7).uscc, current: false }, t0);

  // The same code declared with another name.
  add('d01-name-conflict.xlsx', await fillFromAnswers(withEnterprise(clean(1, '2025-05-01'), { name: `${e(1).name}（分厂）` })), {
    outcome: 'accepted_with_warnings', uscc: e(1).uscc, current: false, findings: [{ code: 'identity/name-conflict', field: FIELD.name }],
  });

  // Rejections built as real bytes.
  add('r01-identity-missing.xlsx', await fillFromAnswers(withEnterprise(clean(8), { name: null })), { outcome: 'rejected', reason: 'file/identity-missing', findings: [{ code: 'cell/required', field: FIELD.name }] });
  add('r02-unknown-version.xlsx', await withMetaVersion(await fillFromAnswers(clean(8)), '2019.3'), { outcome: 'rejected', reason: 'file/unknown-template-version' });
  const ctx = { filledWorkbook: () => fillFromAnswers(clean(8)) };
  for (const [i, b] of BAD_FILES.entries()) {
    add(`r${String(i + 10)}-${b.name}${path.extname(b.fileName)}`, await b.build(ctx), { outcome: 'rejected', reason: b.expectedCode });
  }

  for (const [name, bytes, mtime] of files) {
    const p = path.join(dir, name);
    await writeFile(p, bytes);
    if (mtime !== undefined) await utimes(p, mtime, mtime);
  }
  // Roster: everyone but enterprise 3, plus one enterprise that never returned.
  const neverReturned = generateEnterprises(12, createRandom(99)).slice(11);
  const rosterFile = path.join(dir, '..', `${path.basename(dir)}-roster.csv`);
  await writeFile(rosterFile, rosterGbk([...ents.filter((_, i) => i !== 3 && i !== 8), ...neverReturned]));
  return { dir, rosterFile, expected, neverReturned: neverReturned.map((x) => x.uscc), notInRoster: [e(3).uscc] };
}
