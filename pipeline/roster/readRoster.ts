// Reads a roster (名单) from CSV or .xlsx into validated rows: headers recognised by their usual Chinese
// or English names, codes normalised, problems reported per line rather than aborting the import.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { z } from 'zod';
import { cityByCodeOrName, countyByCodeOrName, industryByInput } from '../../core/index.ts';
import { SfeError } from '../errors.ts';
import { decodeText } from './decodeText.ts';

export interface RosterRow {
  readonly uscc: string;
  readonly name: string;
  readonly cityCode: string | null;
  readonly cityName: string | null;
  readonly countyCode: string | null;
  readonly countyName: string | null;
  readonly industryCode: string | null;
}

export interface RosterProblem {
  readonly line: number;
  readonly message: string;
}

const HEADERS: Readonly<Record<keyof Omit<RosterRow, 'cityCode' | 'countyCode' | 'industryCode'> | 'city' | 'county' | 'industry', readonly string[]>> = {
  uscc: ['统一社会信用代码', '信用代码', '社会信用代码', 'uscc'],
  name: ['企业名称', '单位名称', '名称', 'name'],
  city: ['设区市', '所在设区市', '市', 'city'],
  county: ['县（市、区）', '县(市、区)', '县市区', '区县', '县区', 'county'],
  industry: ['所属行业', '行业', '行业代码', 'industry'],
  cityName: [],
  countyName: [],
};

const clean = (s: unknown): string => (s === null || s === undefined ? '' : String(s)).replace(/\s+/g, ' ').trim();
const headerKey = (h: string): string => clean(h).replace(/\s/g, '').toLowerCase();

const Cells = z.array(z.union([z.string(), z.number(), z.null(), z.undefined()]).transform(clean));

function toRows(table: readonly unknown[][]): { rows: RosterRow[]; problems: RosterProblem[] } {
  const [header, ...body] = table.map((r) => Cells.parse(r));
  if (!header) throw new SfeError('roster/empty', '名单文件为空。');
  const col = (k: keyof typeof HEADERS): number => header.findIndex((h) => HEADERS[k].some((n) => headerKey(n) === headerKey(h)));
  const ix = { uscc: col('uscc'), name: col('name'), city: col('city'), county: col('county'), industry: col('industry') };
  if (ix.uscc < 0 || ix.name < 0) {
    throw new SfeError('roster/missing-columns', `名单缺少必需的列：${[ix.uscc < 0 ? '统一社会信用代码' : '', ix.name < 0 ? '企业名称' : ''].filter(Boolean).join('、')}（首行应为列标题）。`);
  }
  const rows: RosterRow[] = [];
  const problems: RosterProblem[] = [];
  const seen = new Set<string>();
  body.forEach((r, i) => {
    const line = i + 2;
    const get = (j: number): string => (j < 0 ? '' : (r[j] ?? ''));
    if (r.every((c) => c === '')) return;
    const uscc = get(ix.uscc).toUpperCase().replace(/\s/g, '');
    const name = get(ix.name);
    if (!uscc || !name) return problems.push({ line, message: `第 ${line} 行缺少统一社会信用代码或企业名称，已跳过。` });
    if (seen.has(uscc)) return problems.push({ line, message: `第 ${line} 行的统一社会信用代码 ${uscc} 重复，已跳过。` });
    seen.add(uscc);
    const city = get(ix.city) ? cityByCodeOrName(get(ix.city)) : null;
    const county = get(ix.county) ? countyByCodeOrName(get(ix.county), city) : null;
    const industry = get(ix.industry) ? industryByInput(get(ix.industry)) : null;
    if (get(ix.city) && !city) problems.push({ line, message: `第 ${line} 行的设区市「${get(ix.city)}」无法识别。` });
    rows.push({ uscc, name, cityCode: city?.code ?? null, cityName: city?.name ?? null, countyCode: county?.code ?? null, countyName: county?.name ?? null, industryCode: industry?.code ?? null });
  });
  return { rows, problems };
}

async function xlsxTable(bytes: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets.find((w) => w.state === 'visible') ?? wb.worksheets[0];
  if (!ws) return [];
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const cells: unknown[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(row.getCell(c).text);
    out.push(cells);
  });
  return out;
}

export async function readRoster(file: string): Promise<{ rows: RosterRow[]; problems: RosterProblem[]; encoding: string | null }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    throw new SfeError('input/unreadable-file', `无法读取名单文件「${file}」，请检查路径。`);
  }
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xlsx' || ext === '.xlsm') return { ...toRows(await xlsxTable(bytes)), encoding: null };
  if (ext !== '.csv' && ext !== '.txt') throw new SfeError('roster/format', `名单应为 .csv 或 .xlsx 文件，当前为「${ext || '无扩展名'}」。`);
  const { text, encoding } = decodeText(bytes);
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  return { ...toRows(parsed.data), encoding };
}
