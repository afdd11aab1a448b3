// The generated workbook's contract: sheets, defined names, _meta, validations, and that the committed file
// is what a fresh build produces.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DECLARATION_KEYS,
  FIELD,
  INPUT_FIELDS,
  JIANGSU_CITIES,
  RESULT_FIELDS,
  RULESET_2025,
  RULESET_VERSION,
  TIER_KEYS,
  TIER_LABELS,
} from '../../core/index.ts';
import { TEMPLATE_CELL_MAPS, TEMPLATE_ID, TEMPLATE_VERSION } from '../../pipeline/template/cellMap.ts';
import { COMMITTED_TEMPLATE, fillTemplate, resolveName } from '../../pipeline/template/fill.ts';
import { generateTemplate } from '../../pipeline/template/generate.ts';
import { definedNames, RawWorkbook, zipEntries } from './support/xlsxRaw.ts';

const load = async (buf: Buffer): Promise<ExcelJS.Workbook> => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb;
};

interface SheetExtras {
  readonly conditionalFormattings?: unknown;
  readonly sheetProtection?: { readonly sheet?: boolean; readonly hashValue?: string } | null;
}
const extras = (ws: ExcelJS.Worksheet): SheetExtras => ws as unknown as SheetExtras;

/** Everything a user or a tool sees in a workbook, in a comparable form (not the zip bytes). */
function content(wb: ExcelJS.Workbook): unknown {
  return {
    props: { created: wb.created?.toISOString(), modified: wb.modified?.toISOString(), creator: wb.creator },
    names: [...wb.definedNames.model].sort((a, b) => a.name.localeCompare(b.name)),
    sheets: wb.worksheets.map((ws) => {
      const cells: [string, unknown, unknown][] = [];
      ws.eachRow({ includeEmpty: false }, (row) =>
        row.eachCell({ includeEmpty: false }, (c) => {
          if (c.isMerged && c.master !== c) return;
          cells.push([c.address, c.value, c.dataValidation ?? null]);
        }),
      );
      return {
        name: ws.name,
        state: ws.state,
        merges: [...ws.model.merges].sort(),
        cells,
        cf: extras(ws).conditionalFormattings,
        protection: extras(ws).sheetProtection,
        pageSetup: ws.pageSetup,
        widths: ws.columns.map((c) => c.width ?? null),
      };
    }),
  };
}

const SHEETS = ['填报说明', '企业信息', '数字化转型自评价', '打分参考', '场景自评价', '评价结果'];
const CONTRACT = [...INPUT_FIELDS, ...RESULT_FIELDS, 'SFE_TEMPLATE_ID', 'SFE_TEMPLATE_VERSION', 'SFE_RULESET_VERSION'];

describe('generated template', () => {
  let buf: Buffer;
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    buf = await generateTemplate();
    wb = await load(buf);
  });

  it('has the six visible sheets in order and hidden helper sheets', () => {
    const visible = wb.worksheets.filter((w) => w.state === 'visible').map((w) => w.name);
    expect(visible).toEqual(SHEETS);
    const meta = wb.getWorksheet('_meta');
    expect(meta?.state).toBe('hidden');
  });

  it('defines every contract name, workbook-scoped, on exactly one cell', async () => {
    const raw = definedNames(await zipEntries(buf));
    for (const name of CONTRACT) {
      const d = raw.filter((n) => n.name === name);
      expect(d, name).toHaveLength(1);
      expect(d[0]?.localSheetId, name).toBeNull();
      expect(d[0]?.ref, name).toMatch(/^'[^']+'!\$[A-Z]+\$\d+$/);
    }
    // The contract of issue 3, spelled out independently of core's FIELD helpers.
    const pad = (n: number): string => String(n).padStart(2, '0');
    const expected = [
      'SFE_NAME', 'SFE_USCC', 'SFE_CITY', 'SFE_COUNTY', 'SFE_INDUSTRY', 'SFE_SCALE', 'SFE_MATURITY', 'SFE_DECL_SCALE',
      'SFE_DECL_COMPLIANCE', 'SFE_DECL_SECURE', 'SFE_DECL_ORGANIZATION', 'SFE_FILL_DATE', 'SFE_CONTACT', 'SFE_PHONE',
      ...[1, 2, 3, 4, 5, 6, 8, 9, 10].flatMap((i) => [`SFE_I${pad(i)}_LEVEL`, `SFE_I${pad(i)}_SCORE`]),
      'SFE_I07_TOTAL', 'SFE_I07_2024',
      ...Array.from({ length: 40 }, (_, i) => `SFE_S${pad(i + 1)}_TIER`),
      'SFE_COMPOSITE', 'SFE_SUGGESTED_TIER', 'SFE_REFERENCE_TIER',
    ];
    for (const name of expected) expect(raw.some((n) => n.name === name), name).toBe(true);
    expect(raw.some((n) => n.name === 'SFE_I07_LEVEL' || n.name === 'SFE_I07_SCORE')).toBe(false);
    // No two contract names share a cell.
    const cells = CONTRACT.map((n) => raw.find((d) => d.name === n)?.ref);
    expect(new Set(cells).size).toBe(cells.length);
  });

  it('the cell map agrees with the defined names', () => {
    const map = TEMPLATE_CELL_MAPS[TEMPLATE_VERSION] ?? {};
    for (const name of CONTRACT) {
      const ranges = wb.definedNames.getRanges(name).ranges;
      expect(ranges[0], name).toBe(`'${map[name]?.sheet}'!$${map[name]?.address.replace(/(\d+)$/, '$$$1')}`);
    }
  });

  it('_meta holds template id, version and ruleset version', () => {
    const meta = wb.getWorksheet('_meta');
    const rows = [1, 2, 3].map((r) => [meta?.getCell(`A${r}`).value, meta?.getCell(`B${r}`).value]);
    expect(rows).toEqual([
      ['template_id', 'sfe-jiangsu-smart-factory'],
      ['template_version', '2025.1'],
      ['ruleset_version', RULESET_VERSION],
    ]);
    expect([TEMPLATE_ID, TEMPLATE_VERSION]).toEqual(['sfe-jiangsu-smart-factory', '2025.1']);
  });

  it('puts data validations on single input cells only', async () => {
    const parts = await zipEntries(buf);
    const inputs = new Set(INPUT_FIELDS.map((n) => {
      const c = TEMPLATE_CELL_MAPS[TEMPLATE_VERSION]?.[n];
      return `${c?.sheet}!${c?.address}`;
    }));
    let count = 0;
    for (const ws of wb.worksheets) {
      const xml = parts.get(`xl/worksheets/sheet${ws.id}.xml`) ?? '';
      for (const m of xml.matchAll(/<dataValidation [^>]*sqref="([^"]*)"/g)) {
        const sqref = m[1] ?? '';
        expect(sqref, `${ws.name} ${sqref}`).toMatch(/^[A-Z]+\d+$/);
        expect(inputs.has(`${ws.name}!${sqref}`), `${ws.name}!${sqref}`).toBe(true);
        count += 1;
      }
    }
    // every input but free text (name, contact, phone) is validated
    expect(count).toBe(INPUT_FIELDS.length - 3);
  });

  it('offers per scenario only the tiers that have a description', () => {
    for (const s of RULESET_2025.scenarios) {
      const cell = resolveName(wb, FIELD.tier(s.id));
      const dv = wb.getWorksheet(cell.sheet)?.getCell(cell.address).dataValidation;
      const listed = (dv?.formulae?.[0] ?? '').replace(/"/g, '').split(',');
      expect(listed, `scenario ${s.id}`).toEqual(TIER_KEYS.filter((t) => s.tiers[t].has).map((t) => TIER_LABELS[t]));
    }
  });

  it('has one county list per city, dependent on the chosen city', () => {
    for (const c of JIANGSU_CITIES) {
      const r = wb.definedNames.getRanges(`L_${c.name}`).ranges[0] ?? '';
      const m = /!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)$/.exec(r);
      expect(m, c.name).not.toBeNull();
      const ws = wb.getWorksheet('_lists');
      const names = [];
      for (let row = Number(m?.[2]); row <= Number(m?.[3]); row++) names.push(ws?.getCell(`${m?.[1]}${row}`).value);
      expect(names).toEqual(c.counties.map((x) => x.name));
    }
    const county = resolveName(wb, FIELD.county);
    const dv = wb.getWorksheet(county.sheet)?.getCell(county.address).dataValidation;
    expect(dv?.formulae?.[0]).toMatch(/^INDIRECT\("L_"&\$B\$5\)$/);
    expect(resolveName(wb, FIELD.city).address).toBe('B5');
  });

  it('locks everything but the inputs and protects every sheet without a password', () => {
    for (const ws of wb.worksheets) {
      expect(extras(ws).sheetProtection?.sheet, ws.name).toBe(true);
      expect(extras(ws).sheetProtection?.hashValue, ws.name).toBeUndefined();
    }
    for (const name of INPUT_FIELDS) {
      const c = resolveName(wb, name);
      expect(wb.getWorksheet(c.sheet)?.getCell(c.address).protection?.locked, name).toBe(false);
    }
    for (const name of RESULT_FIELDS) {
      const c = resolveName(wb, name);
      const cell = wb.getWorksheet(c.sheet)?.getCell(c.address);
      expect(cell?.protection?.locked, name).not.toBe(false);
      expect(cell?.formula, name).toBeTruthy();
    }
  });

  it('uses only formula functions that Excel 2010, WPS and LibreOffice share', () => {
    const banned = /\b(LET|LAMBDA|XLOOKUP|XMATCH|FILTER|SORT|UNIQUE|SEQUENCE|IFS|SWITCH|TEXTJOIN|CONCAT|MAXIFS|MINIFS)\(/;
    for (const ws of wb.worksheets) {
      ws.eachRow((row) => row.eachCell((c) => {
        if (c.formula) expect(c.formula, `${ws.name}!${c.address}`).not.toMatch(banned);
      }));
    }
  });

  it('the committed template matches a fresh build in content', async () => {
    const committed = await load(readFileSync(COMMITTED_TEMPLATE));
    expect(content(committed)).toEqual(content(wb));
  });

  it('two builds are identical in content (fixed dates)', async () => {
    const again = await load(await generateTemplate());
    expect(content(again)).toEqual(content(wb));
    expect(wb.created?.toISOString()).toBe('2025-01-01T00:00:00.000Z');
  });
});

describe('fillTemplate', () => {
  it('writes values by defined name and keeps formulas', async () => {
    const values = new Map<string, string | number | null>([
      [FIELD.name, '测试企业'],
      [FIELD.city, '苏州市'],
      [FIELD.level(2), 4],
      [FIELD.score(2), 45.5],
      [FIELD.level(1), '不涉及此环节'],
      [FIELD.tier(3), '基础级'],
      [FIELD.fillDate, '2025-06-30'],
      ...DECLARATION_KEYS.map((k) => [FIELD.declaration(k), '是'] as [string, string]),
    ]);
    const out = await fillTemplate(values);
    const wb = await load(out);
    for (const [name, v] of values) {
      const c = resolveName(wb, name);
      const got = wb.getWorksheet(c.sheet)?.getCell(c.address).value;
      if (name === FIELD.fillDate) expect((got as Date).toISOString().slice(0, 10)).toBe(v);
      else expect(got, name).toBe(v);
    }
    const comp = resolveName(wb, FIELD.composite);
    expect(wb.getWorksheet(comp.sheet)?.getCell(comp.address).formula).toBeTruthy();
    expect(wb.definedNames.getRanges(FIELD.name).ranges).toHaveLength(1);
  });

  it('rejects names that are not inputs of the template', async () => {
    await expect(fillTemplate(new Map([['SFE_NOPE', 1]]))).rejects.toThrow(/SFE_NOPE/);
    await expect(fillTemplate(new Map([[FIELD.composite, 1]]))).rejects.toThrow(/SFE_COMPOSITE/);
  });

  it('can store cached results that disagree with the inputs', async () => {
    const out = await fillTemplate(new Map(), { cachedResults: new Map([[FIELD.composite, 95]]) });
    const raw = await RawWorkbook.fromBuffer(out);
    const c = TEMPLATE_CELL_MAPS[TEMPLATE_VERSION]?.[FIELD.composite];
    expect(raw.value(c?.sheet ?? '', c?.address ?? '')).toBe(95);
    expect(raw.hasFormula(c?.sheet ?? '', c?.address ?? '')).toBe(true);
  });
});
