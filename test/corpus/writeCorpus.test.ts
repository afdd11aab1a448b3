import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIELD, INPUT_FIELDS, RULESET_2025, checkUscc, evaluateRaw, rawAnswersFromFields } from '../../core/index.ts';
import { BAD_FILES } from '../../pipeline/corpus/badFiles.ts';
import { planCorpus } from '../../pipeline/corpus/plan.ts';
import { TROUBLE_KINDS } from '../../pipeline/corpus/trouble.ts';
import { MANIFEST_JSON, writeCorpus, type CorpusManifest } from '../../pipeline/corpus/writeCorpus.ts';
import { generateTemplate } from '../../pipeline/template/generate.ts';
import { readBack } from './support/readBack.ts';

const dirs: string[] = [];
const tmp = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'sfe-corpus-'));
  dirs.push(d);
  return d;
};
let template: Buffer;
let a: CorpusManifest;
let outA: string;

beforeAll(async () => {
  template = await generateTemplate();
  outA = tmp();
  a = await writeCorpus({ n: 60, seed: 5, outDir: outA, template });
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const fileOf = (m: CorpusManifest, dir: string, path: string): Buffer => readFileSync(join(dir, m.returnsDir, ...path.split('/')));

function walk(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? walk(join(dir, d.name), `${prefix}${d.name}/`) : [`${prefix}${d.name}`],
  );
}

describe('writeCorpus', () => {
  it('is deterministic: same seed, same manifest and bytes; another seed differs', async () => {
    const outB = tmp();
    const b = await writeCorpus({ n: 60, seed: 5, outDir: outB, template });
    expect(b).toEqual(a);
    expect(readFileSync(join(outB, MANIFEST_JSON), 'utf8')).toBe(readFileSync(join(outA, MANIFEST_JSON), 'utf8'));
    const c = await writeCorpus({ n: 60, seed: 6, outDir: tmp(), template, badFiles: false });
    expect(c.files.map((f) => f.sha256)).not.toEqual(a.files.map((f) => f.sha256));
  });

  it('writes exactly the files of the manifest, nested in city and county folders', () => {
    const onDisk = walk(join(outA, a.returnsDir)).sort();
    expect(onDisk).toEqual(a.files.map((f) => f.path).sort());
    expect(onDisk.some((p) => p.split('/').length === 3)).toBe(true);
    for (const f of a.files) expect(fileOf(a, outA, f.path).length).toBe(f.bytes);
  });

  it('every workbook yields exactly the findings the manifest expects', async () => {
    const workbooks = a.files.filter((f) => f.kind === 'workbook');
    expect(workbooks.length).toBeGreaterThanOrEqual(60);
    for (const f of workbooks) {
      const { values, evaluation } = await readBack(fileOf(a, outA, f.path), INPUT_FIELDS);
      const codes = [...new Set(evaluation.issues.map((i) => i.code))].sort();
      expect(codes, f.path).toEqual(f.expectedCodes);
      expect(values.get(FIELD.uscc) ?? null).toBe(f.fileUscc);
      expect(values.get(FIELD.fillDate)).toBe(f.fillDate);
      if (f.expected === 'accepted') expect(codes).toEqual([]);
      if (f.rejectCode === 'file/identity-missing') expect(values.get(FIELD.name) === null || values.get(FIELD.uscc) === null).toBe(true);
      if (f.fileUscc !== null && !f.planted.some((p) => p.kind === 'uscc-check-char')) expect(checkUscc(f.fileUscc)).toBeNull();
    }
  });

  it('copies are byte-identical to their originals; resubmissions are newer and replace the earlier ones', () => {
    const byPath = new Map(a.files.map((f) => [f.path, f]));
    for (const f of a.files) {
      if (f.duplicateOf) {
        expect(f.expected).toBe('duplicate');
        expect(f.sha256).toBe(byPath.get(f.duplicateOf)?.sha256);
        expect(f.path > f.duplicateOf).toBe(true);
      }
      if (f.supersededBy) {
        const later = byPath.get(f.supersededBy);
        expect(f.expected).toBe('superseded');
        expect(later?.enterpriseUscc).toBe(f.enterpriseUscc);
        expect(later?.replaces).toContain(f.path);
        expect((later?.fillDate ?? '') > (f.fillDate ?? '')).toBe(true);
      }
    }
    const shas = a.files.filter((f) => f.kind !== 'copy').map((f) => f.sha256);
    expect(new Set(shas).size).toBe(shas.length);
  });

  it('includes every bad file with its rejection code', () => {
    const bad = a.files.filter((f) => f.kind === 'bad-file');
    expect(bad.map((f) => f.rejectCode).sort()).toEqual(BAD_FILES.map((b) => b.expectedCode).sort());
    for (const f of bad) expect(f.expected).toBe('rejected');
    expect(bad.some((f) => f.path.endsWith('.xls')) && bad.some((f) => f.path.endsWith('.et'))).toBe(true);
  });

  it('writes the roster in UTF-8 with BOM and in GBK, with everyone including those who never returned', () => {
    const utf8 = readFileSync(join(outA, a.rosterCsv));
    expect([...utf8.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = utf8.subarray(3).toString('utf8');
    expect(iconv.decode(readFileSync(join(outA, a.rosterGbkCsv)), 'gbk')).toBe(text);
    const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
    expect(rows.length).toBe(a.rosterSize);
    const roster = new Set(rows.map((r) => r['统一社会信用代码']));
    for (const r of rows) expect(checkUscc(r['统一社会信用代码'] ?? '')).toBeNull();
    const senders = new Set(a.files.map((f) => f.enterpriseUscc));
    for (const f of a.files) expect(roster.has(f.enterpriseUscc)).toBe(true);
    expect(a.neverReturned.length).toBeGreaterThan(0);
    expect(a.neverReturned.length / a.rosterSize).toBeLessThan(0.1);
    for (const u of a.neverReturned) expect(senders.has(u)).toBe(false);
    // Missing: roster entries with no stored workbook under their code.
    const stored = new Set(a.files.filter((f) => f.kind === 'workbook' && f.expected !== 'rejected').map((f) => f.fileUscc));
    expect([...a.expectedMissing].sort()).toEqual([...roster].filter((u) => u !== undefined && !stored.has(u)).sort());
  });
});

describe('planCorpus at scale (no I/O)', () => {
  const plan = planCorpus({ n: 2500, seed: 1, trouble: true, badFiles: true });

  it('plants every kind of trouble, resubmissions and copies, each checked against the core', () => {
    const kinds = new Set<string>();
    for (const f of plan.files) {
      if (f.kind !== 'workbook') continue;
      for (const p of f.planted) kinds.add(p.kind);
      const codes = [...new Set(evaluateRaw(rawAnswersFromFields((n) => f.cells.get(n) ?? null), RULESET_2025).evaluation.issues.map((i) => i.code))].sort();
      expect(codes, f.path).toEqual(f.expectedCodes);
    }
    expect(kinds).toEqual(new Set(TROUBLE_KINDS));
    expect(plan.files.some((f) => f.kind === 'copy')).toBe(true);
    expect(plan.files.some((f) => f.kind === 'workbook' && f.expected === 'superseded')).toBe(true);
    const troubled = plan.files.filter((f) => f.kind === 'workbook' && f.planted.length > 0).length / plan.files.length;
    expect(troubled).toBeGreaterThan(0.08);
    expect(troubled).toBeLessThan(0.3);
  });

  it('has unique paths, and a clean corpus has no trouble at all', () => {
    expect(new Set(plan.files.map((f) => f.path)).size).toBe(plan.files.length);
    const clean = planCorpus({ n: 300, seed: 1, trouble: false, badFiles: false });
    expect(clean.files.every((f) => f.kind === 'workbook' && f.expected === 'accepted' && f.expectedCodes.length === 0)).toBe(true);
    expect(clean.files.length).toBe(300);
  });
});
