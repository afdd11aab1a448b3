// Reads a workbook back with ExcelJS (the reference reader, independent of the corpus's own XML patcher) and
// scores it with the core: what any honest consumer of a generated file would see.
import ExcelJS from 'exceljs';
import { RULESET_2025, evaluateRaw, rawAnswersFromFields, type Evaluation, type RawScalar } from '../../../core/index.ts';

export interface ReadBack {
  readonly values: Map<string, RawScalar>;
  readonly evaluation: Evaluation;
}

function scalar(v: ExcelJS.CellValue): RawScalar {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('formula' in v || 'sharedFormula' in v) return null;
    if ('error' in v) return null;
    if ('text' in v) return String(v.text);
    return null;
  }
  return v;
}

export async function readBack(bytes: Buffer, fields: readonly string[]): Promise<ReadBack> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const values = new Map<string, RawScalar>();
  for (const name of fields) {
    const range = wb.definedNames.getRanges(name).ranges[0];
    if (!range) throw new Error(`no defined name ${name}`);
    const m = /^'?(.+?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(range);
    if (!m?.[1]) throw new Error(`bad range ${range}`);
    const ws = wb.getWorksheet(m[1].replace(/''/g, "'"));
    if (!ws) throw new Error(`no sheet ${m[1]}`);
    values.set(name, scalar(ws.getCell(`${m[2]}${m[3]}`).value));
  }
  const { evaluation } = evaluateRaw(rawAnswersFromFields((n) => values.get(n) ?? null), RULESET_2025);
  return { values, evaluation };
}
