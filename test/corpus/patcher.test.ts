import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIELD, INPUT_FIELDS, fieldsFromAnswers } from '../../core/index.ts';
import { drawAnswers } from '../../pipeline/corpus/answers.ts';
import { generateEnterprises } from '../../pipeline/corpus/enterprises.ts';
import { createRandom } from '../../pipeline/corpus/random.ts';
import { fullWidth } from '../../pipeline/corpus/trouble.ts';
import { createFiller } from '../../pipeline/corpus/writeCorpus.ts';
import { readZipEntries } from '../../pipeline/corpus/zip/readZip.ts';
import { TemplateFiller } from '../../pipeline/template/fill.ts';
import { generateTemplate } from '../../pipeline/template/generate.ts';
import { libreoffice } from '../support/tools.ts';
import { readBack } from './support/readBack.ts';

let template: Buffer;
let fill: (cells: Map<string, string | number | null>) => Buffer;
let reference: TemplateFiller;
const rng = createRandom('patcher-test');
const samples = generateEnterprises(6, rng.fork('e')).map((e) => fieldsFromAnswers(drawAnswers(e, rng.fork(`a/${e.index}`), { fillDate: '2025-07-08' }).answers));
// Values people type in odd forms, an XML-hostile name and a cleared cell.
samples.push(
  new Map([
    ...samples[0]!,
    [FIELD.name, '示例·A&B <精密> "机械" 有限公司【演示】'],
    [FIELD.score(2), fullWidth('45.5')],
    [FIELD.level(3), '4级'],
    [FIELD.contact, ' 王工 '],
    [FIELD.phone, null],
  ]),
);

beforeAll(async () => {
  template = await generateTemplate();
  fill = createFiller(template);
  reference = await TemplateFiller.load(template);
});

describe('the fast template patcher', () => {
  it('writes the same cell values as the ExcelJS template filler', async () => {
    for (const cells of samples) {
      const mine = await readBack(fill(cells), INPUT_FIELDS);
      const theirs = await readBack(await reference.fill(cells), INPUT_FIELDS);
      expect(mine.values).toEqual(theirs.values);
      expect(mine.evaluation.issues).toEqual(theirs.evaluation.issues);
      expect(mine.evaluation.composite).toBe(theirs.evaluation.composite);
    }
  });

  it('stores the fill date as a date, and every value as given', async () => {
    const cells = samples[0]!;
    const { values } = await readBack(fill(cells), INPUT_FIELDS);
    expect(values.get(FIELD.fillDate)).toBe('2025-07-08');
    for (const [k, v] of cells) if (k !== FIELD.fillDate) expect(values.get(k), k).toEqual(v);
  });

  it('leaves no cached formula result and asks Excel to recalculate', () => {
    const parts = readZipEntries(fill(samples[1]!));
    const text = (name: string): string => {
      const e = parts.find((p) => p.name === name);
      if (!e) throw new Error(name);
      return (e.method === 8 ? inflateRawSync(e.compressed) : e.compressed).toString('utf8');
    };
    const sheets = parts.filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p.name));
    expect(sheets.length).toBeGreaterThan(3);
    let formulas = 0;
    for (const s of sheets) {
      const xml = text(s.name);
      formulas += (xml.match(/<f[ >]/g) ?? []).length;
      expect(xml).not.toMatch(/<\/f><v>|<f [^>]*\/><v>/);
    }
    expect(formulas).toBeGreaterThan(50);
    expect(text('xl/workbook.xml')).toMatch(/fullCalcOnLoad="1"/);
  });

  it('copies the parts it does not change byte for byte', () => {
    const before = new Map(readZipEntries(template).map((e) => [e.name, e.compressed]));
    const after = readZipEntries(fill(samples[2]!));
    expect(after.map((e) => e.name)).toEqual([...before.keys()]);
    const styles = after.find((e) => e.name === 'xl/styles.xml');
    expect(styles?.compressed.equals(before.get('xl/styles.xml') ?? Buffer.alloc(0))).toBe(true);
  });

  it('is deterministic', () => {
    expect(fill(samples[3]!).equals(fill(samples[3]!))).toBe(true);
  });

  it('rejects a name the template does not have', () => {
    expect(() => fill(new Map([['SFE_NOPE', 1]]))).toThrow(/not an input field/);
  });

  const lo = libreoffice();
  it.skipIf(!lo.available)('LibreOffice opens a patched workbook and its formulas reach the core’s composite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sfe-patch-'));
    try {
      const cells = samples[4]!;
      writeFileSync(join(dir, 'in.xlsx'), fill(cells));
      execFileSync(lo.path ?? 'soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'xlsx', '--outdir', join(dir, 'out'), join(dir, 'in.xlsx')], { stdio: 'ignore', timeout: 120_000 });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(join(dir, 'out', 'in.xlsx')) as unknown as ArrayBuffer);
      const range = wb.definedNames.getRanges(FIELD.composite).ranges[0] ?? '';
      const m = /^'?(.+?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(range);
      const cell = wb.getWorksheet(m?.[1] ?? '')?.getCell(`${m?.[2]}${m?.[3]}`);
      const result = cell && typeof cell.value === 'object' && cell.value !== null && 'result' in cell.value ? cell.value.result : cell?.value;
      const core = (await readBack(fill(cells), INPUT_FIELDS)).evaluation.composite;
      expect(core).not.toBeNull();
      expect(Number(result)).toBeCloseTo(core ?? NaN, 6);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
