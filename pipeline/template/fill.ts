// Fills the template's input cells by defined name, as a person would with the dropdowns: used by tests,
// the demo corpus and anyone who needs realistic returned workbooks. The output keeps every formula,
// validation and name of the template; formulas carry no cached values unless `cachedResults` says so.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { FIELD, fieldsFromAnswers, INPUT_FIELDS, RESULT_FIELDS, type Answers } from '../../core/index.ts';
import { TEMPLATE_CELL_MAPS } from './cellMap.ts';
import { generateTemplate } from './generate.ts';
import { TEMPLATE_VERSION, type CellRef } from './layout.ts';

export type FillValue = string | number | Date | null;

export interface FillOptions {
  /** The template to fill: a path or the bytes. Default: the committed template (generated if absent). */
  readonly template?: string | Buffer;
  /**
   * Cached values to store with the result formulas (SFE_COMPOSITE, SFE_SUGGESTED_TIER,
   * SFE_REFERENCE_TIER), e.g. to make a workbook whose cached results disagree with its inputs.
   */
  readonly cachedResults?: ReadonlyMap<string, string | number>;
}

export const COMMITTED_TEMPLATE = fileURLToPath(new URL('../../templates/江苏省智能工厂梯度建设自评价表.xlsx', import.meta.url));

let defaultTemplate: Promise<Buffer> | null = null;

async function templateBytes(t: string | Buffer | undefined): Promise<Buffer> {
  if (Buffer.isBuffer(t)) return t;
  if (typeof t === 'string') return readFile(t);
  defaultTemplate ??= existsSync(COMMITTED_TEMPLATE) ? readFile(COMMITTED_TEMPLATE) : generateTemplate();
  return defaultTemplate;
}

const INPUTS = new Set(INPUT_FIELDS);
const RESULTS = new Set(RESULT_FIELDS);
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The cell a defined name points at in this workbook; the template version's cell map when the name is gone. */
export function resolveName(wb: ExcelJS.Workbook, name: string): CellRef {
  const range = wb.definedNames.getRanges(name).ranges[0];
  const m = range ? /^'?(.+?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(range) : null;
  if (m?.[1] && m[2] && m[3]) return { sheet: m[1].replace(/''/g, "'"), address: `${m[2]}${m[3]}` };
  const fallback = TEMPLATE_CELL_MAPS[TEMPLATE_VERSION]?.[name];
  if (!fallback) throw new RangeError(`the template has no defined name ${name}`);
  return fallback;
}

function cellOf(wb: ExcelJS.Workbook, name: string): ExcelJS.Cell {
  const ref = resolveName(wb, name);
  const ws = wb.getWorksheet(ref.sheet);
  if (!ws) throw new RangeError(`the template has no sheet ${ref.sheet}`);
  return ws.getCell(ref.address);
}

function cellValue(name: string, v: FillValue): ExcelJS.CellValue {
  // A date picked or typed in Excel is a date serial, not text: store the ISO form the same way.
  const m = name === FIELD.fillDate && typeof v === 'string' ? ISO_DATE.exec(v) : null;
  if (m) return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return v;
}

/** A loaded template that can be filled many times (one ExcelJS load for a whole batch of answer sets). */
export class TemplateFiller {
  private constructor(private readonly wb: ExcelJS.Workbook) {}

  static async load(template?: string | Buffer): Promise<TemplateFiller> {
    const wb = new ExcelJS.Workbook();
    const bytes = await templateBytes(template);
    // ExcelJS's typings predate Node's generic Buffer.
    await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
    return new TemplateFiller(wb);
  }

  /** Sets every input cell (names absent from `values` are cleared) and returns the workbook's bytes. */
  async fill(values: ReadonlyMap<string, FillValue>, cachedResults?: ReadonlyMap<string, string | number>): Promise<Buffer> {
    for (const name of values.keys()) {
      if (!INPUTS.has(name)) throw new RangeError(`${name} is not an input defined name of the template`);
    }
    for (const name of cachedResults?.keys() ?? []) {
      if (!RESULTS.has(name)) throw new RangeError(`${name} is not a result defined name of the template`);
    }
    for (const name of INPUT_FIELDS) cellOf(this.wb, name).value = cellValue(name, values.get(name) ?? null);
    for (const name of RESULT_FIELDS) {
      const cell = cellOf(this.wb, name);
      const cached = cachedResults?.get(name);
      cell.value = cached === undefined ? { formula: cell.formula, date1904: false } : { formula: cell.formula, result: cached, date1904: false };
    }
    return Buffer.from(await this.wb.xlsx.writeBuffer());
  }
}

/** Writes input values (defined name → cell value) into a fresh copy of the template. */
export async function fillTemplate(values: ReadonlyMap<string, FillValue>, opts: FillOptions = {}): Promise<Buffer> {
  const filler = await TemplateFiller.load(opts.template);
  return filler.fill(values, opts.cachedResults);
}

/** The template filled with normalised answers, in the canonical cell values of core's fieldsFromAnswers. */
export async function fillFromAnswers(answers: Answers, opts: FillOptions = {}): Promise<Buffer> {
  return fillTemplate(fieldsFromAnswers(answers), opts);
}
