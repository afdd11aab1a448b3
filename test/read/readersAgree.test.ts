// The fast streaming reader and the ExcelJS reference reader must return the same readings for every
// requested cell, on workbooks written by the template filler, by LibreOffice and by hand-made variants.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CellValue } from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIELD, INPUT_FIELDS, RESULT_FIELDS } from '../../core/index.ts';
import { drawAnswers } from '../../pipeline/corpus/answers.ts';
import { generateEnterprises } from '../../pipeline/corpus/enterprises.ts';
import { createRandom } from '../../pipeline/corpus/random.ts';
import { readWorkbookExcelJs } from '../../pipeline/read/exceljsReader.ts';
import { readWorkbookFast } from '../../pipeline/read/fastReader.ts';
import { knownCellMaps } from '../../pipeline/read/templateInfo.ts';
import type { ReadRequest, WorkbookReading } from '../../pipeline/read/WorkbookReading.ts';
import { TEMPLATE_CELL_MAPS, TEMPLATE_VERSION } from '../../pipeline/template/cellMap.ts';
import { fillFromAnswers } from '../../pipeline/template/fill.ts';
import { patchParts, withoutDefinedNames } from '../ingest/corpus.ts';
import { libreoffice } from '../support/tools.ts';
import { miniCellMap, miniWorkbook, MINI_VERSION } from './miniWorkbook.ts';

const FIELDS = [...INPUT_FIELDS, ...RESULT_FIELDS];
const templateRequest: ReadRequest = { fields: FIELDS, cellMaps: knownCellMaps() };
const miniRequest: ReadRequest = { fields: FIELDS, cellMaps: new Map([[MINI_VERSION, miniCellMap()]]) };

function comparable(r: WorkbookReading): unknown {
  return {
    meta: r.meta,
    date1904: r.date1904,
    sheetNames: r.sheetNames,
    names: Object.fromEntries([...r.definedNames].filter(([n]) => n.startsWith('SFE_'))),
    cells: Object.fromEntries([...r.cells].map(([f, c]) => [f, c])),
  };
}

async function expectAgree(bytes: Buffer, request: ReadRequest): Promise<WorkbookReading> {
  const fast = await readWorkbookFast(bytes, request);
  const ref = await readWorkbookExcelJs(bytes, request);
  expect(comparable(fast)).toEqual(comparable(ref));
  return fast;
}

describe('fast reader agrees with ExcelJS', () => {
  const rng = createRandom(4242);
  const ents = generateEnterprises(3, rng);
  const workbooks: Buffer[] = [];

  beforeAll(async () => {
    for (const e of ents) workbooks.push(await fillFromAnswers(drawAnswers(e, rng, { fillDate: '2025-05-06' }).answers));
  });

  it('on template-filled workbooks (defined names)', async () => {
    for (const wb of workbooks) {
      const r = await expectAgree(wb, templateRequest);
      expect(r.meta.templateVersion).toBe(TEMPLATE_VERSION);
      expect([...r.cells.values()].every((c) => c.locatedBy === 'defined-name')).toBe(true);
      expect(r.cells.get(FIELD.fillDate)?.reading).toMatchObject({ kind: 'date', value: '2025-05-06' });
    }
  });

  it('on a workbook whose names were deleted (cell-map fallback)', async () => {
    const r = await expectAgree(withoutDefinedNames(workbooks[0] as Buffer), templateRequest);
    const map = TEMPLATE_CELL_MAPS[TEMPLATE_VERSION] ?? {};
    for (const f of INPUT_FIELDS) {
      expect(r.cells.get(f)?.locatedBy).toBe('cell-map');
      expect(r.cells.get(f)?.location).toEqual(map[f]);
    }
    const named = await readWorkbookFast(workbooks[0] as Buffer, templateRequest);
    for (const f of INPUT_FIELDS) expect(r.cells.get(f)?.reading).toEqual(named.cells.get(f)?.reading);
  });

  it('on a workbook saved by LibreOffice', async () => {
    const lo = libreoffice();
    if (!lo.available || !lo.path) return;
    const dir = await mkdtemp(path.join(tmpdir(), 'sfe-lo-'));
    const src = path.join(dir, 'in.xlsx');
    await writeFile(src, workbooks[1] as Buffer);
    const outDir = path.join(dir, 'out');
    execFileSync(lo.path, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'xlsx', '--outdir', outDir, src], { stdio: 'ignore', timeout: 120_000 });
    const saved = await readFile(path.join(outDir, 'in.xlsx'));
    const r = await expectAgree(saved, templateRequest);
    const original = await readWorkbookFast(workbooks[1] as Buffer, templateRequest);
    // LibreOffice rewrites every part; the answers must survive it.
    for (const f of INPUT_FIELDS) expect(r.cells.get(f)?.reading.kind === 'empty' ? null : r.cells.get(f)?.reading).toEqual(original.cells.get(f)?.reading.kind === 'empty' ? null : original.cells.get(f)?.reading);
  });

  it('on rich text, errors, booleans, dates, 1904 dates and formulas with and without cached values', async () => {
    const values = new Map<string, CellValue>([
      [FIELD.name, { richText: [{ text: '苏州' }, { font: { bold: true }, text: '示例机械有限公司' }] }],
      [FIELD.uscc, '91320500MA1XXXXXXX'],
      [FIELD.level(1), 3],
      [FIELD.score(1), { formula: '20+5', result: 25 }],
      [FIELD.level(2), { error: '#N/A' }],
      [FIELD.score(2), { formula: '1/0' }],
      [FIELD.declaration('scale'), true],
      [FIELD.fillDate, new Date(Date.UTC(2025, 4, 6))],
      [FIELD.composite, { formula: 'SUM(1,2)', result: 3 }],
      [FIELD.suggestedTier, { formula: '"基础级"', result: '基础级' }],
    ]);
    const numFmt = new Map([[FIELD.fillDate, 'yyyy"年"m"月"d"日"']]);
    for (const date1904 of [false, true]) {
      const r = await expectAgree(await miniWorkbook({ values, numFmt, date1904 }), miniRequest);
      expect(r.cells.get(FIELD.fillDate)?.reading).toEqual({ kind: 'date', value: '2025-05-06' });
      expect(r.cells.get(FIELD.name)?.reading).toEqual({ kind: 'text', value: '苏州示例机械有限公司' });
      expect(r.cells.get(FIELD.score(2))?.reading).toEqual({ kind: 'formula-without-cache', formula: true });
      expect(r.cells.get(FIELD.level(2))?.reading).toEqual({ kind: 'error', value: '#N/A' });
    }
  });

  it('on inline strings (as some generators write them instead of shared strings)', async () => {
    const bytes = await miniWorkbook({ values: new Map([[FIELD.name, '内联字符串公司'], [FIELD.city, '苏州市']]) });
    const strings: string[] = [];
    patchParts(bytes, (name, xml) => {
      if (name === 'xl/sharedStrings.xml') for (const m of xml.matchAll(/<si><t[^>]*>([^<]*)<\/t><\/si>/g)) strings.push(m[1] ?? '');
      return null;
    });
    expect(strings).toContain('内联字符串公司');
    const inline = patchParts(bytes, (name, xml) => {
      if (!name.startsWith('xl/worksheets/sheet1')) return null;
      return xml.replace(/<c r="([A-Z]+\d+)"([^>]*?) t="s"([^>]*)><v>(\d+)<\/v><\/c>/g, (_m, r: string, a: string, b: string, i: string) => `<c r="${r}"${a} t="inlineStr"${b}><is><t>${strings[Number(i)] ?? ''}</t></is></c>`);
    });
    let sheetXml = '';
    patchParts(inline, (name, xml) => (name.startsWith('xl/worksheets/sheet1') ? ((sheetXml = xml), null) : null));
    expect(sheetXml).toContain('<is><t>内联字符串公司</t></is>');
    const r = await expectAgree(inline, miniRequest);
    expect(r.cells.get(FIELD.name)?.reading).toEqual({ kind: 'text', value: '内联字符串公司' });
  });

  it('on a workbook with names but no _meta sheet, and one with names missing and no map', async () => {
    await expectAgree(await miniWorkbook({ values: new Map([[FIELD.name, 'x']]), meta: null }), miniRequest);
    const r = await expectAgree(await miniWorkbook({ withNames: false, meta: [['template_version', '0.9']] }), miniRequest);
    expect([...r.cells.values()].every((c) => c.locatedBy === 'none' && c.reading.kind === 'empty')).toBe(true);
  });
});
