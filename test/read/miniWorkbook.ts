// A small template-shaped workbook written by ExcelJS, independent of the template generator: every input
// and result field as a defined name on one sheet, and the `_meta` sheet. Lets reader tests build odd
// cell shapes (rich text, errors, dates, formulas) without depending on the real template's layout.
import ExcelJS from 'exceljs';
import { INPUT_FIELDS, RESULT_FIELDS } from '../../core/index.ts';

export const MINI_SHEET = '数字化转型自评价';
export const MINI_VERSION = '2025.1';

/** Field → address on MINI_SHEET: column E, from row 5 down, in field order. */
export function miniCellMap(): Map<string, { sheet: string; address: string }> {
  const m = new Map<string, { sheet: string; address: string }>();
  [...INPUT_FIELDS, ...RESULT_FIELDS].forEach((f, i) => m.set(f, { sheet: MINI_SHEET, address: `E${i + 5}` }));
  return m;
}

export interface MiniOptions {
  readonly values?: ReadonlyMap<string, ExcelJS.CellValue>;
  readonly withNames?: boolean;
  readonly meta?: readonly [string, string][] | null;
  readonly date1904?: boolean;
  readonly numFmt?: ReadonlyMap<string, string>;
}

export async function miniWorkbook(o: MiniOptions = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  if (o.date1904) wb.properties.date1904 = true;
  const ws = wb.addWorksheet(MINI_SHEET);
  ws.getCell('A1').value = '江苏省企业数字化转型自评价表';
  for (const [field, loc] of miniCellMap()) {
    ws.getCell(`D${loc.address.slice(1)}`).value = field;
    const cell = ws.getCell(loc.address);
    const v = o.values?.get(field);
    if (v !== undefined) cell.value = v;
    const fmt = o.numFmt?.get(field);
    if (fmt) cell.numFmt = fmt;
    if (o.withNames ?? true) wb.definedNames.add(`'${MINI_SHEET}'!$${loc.address.replace(/(\d+)/, '$$$1')}`, field);
  }
  const meta = o.meta === undefined ? [['template_id', 'sfe-jiangsu-smart-factory'], ['template_version', MINI_VERSION], ['ruleset_version', '2025.1']] : o.meta;
  if (meta) {
    const m = wb.addWorksheet('_meta', { state: 'hidden' });
    meta.forEach(([k, v], i) => {
      m.getCell(`A${i + 1}`).value = k;
      m.getCell(`B${i + 1}`).value = v;
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
