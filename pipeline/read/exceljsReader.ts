// The reference reader: ExcelJS behind the same interface. Slow on real returns (it expands whole-column
// data validations cell by cell), so it is used by tests to check the fast reader, never on the hot path.
import ExcelJS from 'exceljs';
import { EMPTY, type CellReading } from './CellReading.ts';
import { parseCellRef, type CellLocation } from './cellRef.ts';
import { isoOfUtc } from './excelDate.ts';
import { locateFields, metaFromCells } from './locate.ts';
import { ReadError } from './ReadError.ts';
import { assertZip } from './sniff.ts';
import { META_SHEET, type LocatedCell, type ReadRequest, type WorkbookReader, type WorkbookReading } from './WorkbookReading.ts';

type Value = ExcelJS.CellValue;

function plain(v: Value, formula: boolean): CellReading {
  const f = formula ? { formula: true as const } : {};
  if (v === null || v === undefined) return { kind: 'empty', ...f };
  if (typeof v === 'number') return { kind: 'number', value: v, ...f };
  if (typeof v === 'string') return v === '' ? { kind: 'empty', ...f } : { kind: 'text', value: v, ...f };
  if (typeof v === 'boolean') return { kind: 'bool', value: v, ...f };
  if (v instanceof Date) return { kind: 'date', value: isoOfUtc(v), ...f };
  if (typeof v === 'object' && 'error' in v) return { kind: 'error', value: String(v.error), ...f };
  if (typeof v === 'object' && 'richText' in v) {
    const t = v.richText.map((r) => r.text).join('');
    return t === '' ? { kind: 'empty', ...f } : { kind: 'text', value: t, ...f };
  }
  if (typeof v === 'object' && 'hyperlink' in v) return plain(v.text as Value, formula);
  return { kind: 'text', value: String(v), ...f };
}

export function readingOfExcelJs(v: Value): CellReading {
  if (v !== null && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) {
    const result = (v as { result?: Value }).result;
    if (result === undefined) return { kind: 'formula-without-cache', formula: true };
    return plain(result, true);
  }
  return plain(v, false);
}

export const readWorkbookExcelJs: WorkbookReader = async (bytes: Buffer, request: ReadRequest): Promise<WorkbookReading> => {
  assertZip(bytes, '');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new ReadError('file/corrupt-zip', `ExcelJS 无法读取：${(e as Error).message}`);
  }
  const date1904 = Boolean((wb.properties as { date1904?: boolean }).date1904);
  const definedNames = new Map<string, CellLocation>();
  const model = (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model;
  for (const dn of model) {
    const first = dn.ranges[0];
    const loc = dn.ranges.length === 1 && first ? parseCellRef(first) : null;
    if (loc) definedNames.set(dn.name, loc);
  }
  const metaWs = wb.getWorksheet(META_SHEET);
  const meta = metaFromCells((a) => {
    if (!metaWs) return null;
    const r = readingOfExcelJs(metaWs.getCell(a).value);
    return r.kind === 'text' || r.kind === 'number' ? String(r.value) : null;
  });
  const cells = new Map<string, LocatedCell>();
  for (const t of locateFields(request, definedNames, meta)) {
    const ws = t.location ? wb.getWorksheet(t.location.sheet) : undefined;
    const reading = ws && t.location ? readingOfExcelJs(ws.getCell(t.location.address).value) : EMPTY;
    cells.set(t.field, { field: t.field, location: t.location, reading, locatedBy: t.locatedBy });
  }
  return { meta, date1904, sheetNames: wb.worksheets.map((w) => w.name), definedNames, cells };
};
