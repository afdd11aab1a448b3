// The hot-path reader: streaming unzip under limits + streaming XML, touching only workbook.xml, its
// rels, sharedStrings, styles and the sheets that hold requested cells.
import { EMPTY, type CellReading } from './CellReading.ts';
import { parseCellRef, type CellLocation } from './cellRef.ts';
import { locateFields, META_CELLS, metaFromCells } from './locate.ts';
import { ReadError } from './ReadError.ts';
import { parseRels } from './xml/rels.ts';
import { parseSharedStrings } from './xml/sharedStrings.ts';
import { readSheetCells, type SheetContext } from './xml/sheet.ts';
import { parseDateStyles } from './xml/styles.ts';
import { parseWorkbookXml } from './xml/workbookXml.ts';
import { META_SHEET, type LocatedCell, type ReadRequest, type WorkbookReader, type WorkbookReading } from './WorkbookReading.ts';
import { openZip, type SafeZip } from './zip.ts';

const REL_OFFICE_DOC = /\/officeDocument$/;
const REL_SHARED_STRINGS = /\/sharedStrings$/;
const REL_STYLES = /\/styles$/;

const dirOf = (p: string): string => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '');
const relsOf = (p: string): string => `${dirOf(p) ? `${dirOf(p)}/` : ''}_rels/${p.slice(p.lastIndexOf('/') + 1)}.rels`;

async function workbookPath(zip: SafeZip): Promise<string> {
  const root = await zip.read('_rels/.rels');
  const target = root ? parseRels(root, '').find((r) => REL_OFFICE_DOC.test(r.type))?.target : undefined;
  const path = target ?? 'xl/workbook.xml';
  // A Word or PowerPoint file is a zip with an officeDocument too; only a workbook part will do.
  if (!zip.names.has(path) || !/(^|\/)workbook\d*\.xml$/i.test(path)) throw new ReadError('file/not-a-workbook', '该文件是压缩包但不是 Excel 工作簿（.xlsx），请报送官方自评价表。');
  return path;
}

const textOf = (r: CellReading | undefined): string | null =>
  r && (r.kind === 'text' || r.kind === 'number') ? String(r.value) : null;

export const readWorkbookFast: WorkbookReader = async (bytes: Buffer, request: ReadRequest): Promise<WorkbookReading> => {
  const zip = await openZip(bytes);
  try {
    const wbPath = await workbookPath(zip);
    const wbXml = await zip.read(wbPath);
    if (!wbXml) throw new ReadError('file/not-a-workbook', '工作簿结构缺失，请报送官方自评价表。');
    const wb = parseWorkbookXml(wbXml);
    const relsXml = await zip.read(relsOf(wbPath));
    const rels = relsXml ? parseRels(relsXml, dirOf(wbPath)) : [];
    const sheetPath = new Map<string, string>();
    for (const s of wb.sheets) {
      const rel = rels.find((r) => r.id === s.rid);
      if (rel) sheetPath.set(s.name, rel.target);
    }
    const ssPath = rels.find((r) => REL_SHARED_STRINGS.test(r.type))?.target;
    const stPath = rels.find((r) => REL_STYLES.test(r.type))?.target;
    const ssXml = ssPath ? await zip.read(ssPath) : null;
    const stXml = stPath ? await zip.read(stPath) : null;
    const ctx: SheetContext = {
      sharedStrings: ssXml ? parseSharedStrings(ssXml) : [],
      dateStyles: stXml ? parseDateStyles(stXml) : [],
      date1904: wb.date1904,
    };

    const definedNames = new Map<string, CellLocation>();
    for (const [name, formula] of wb.definedNames) {
      const loc = parseCellRef(formula);
      if (loc) definedNames.set(name, loc);
    }

    const sheetCache = new Map<string, Map<string, CellReading>>();
    const readCells = async (sheet: string, addresses: ReadonlySet<string>): Promise<Map<string, CellReading>> => {
      const path = sheetPath.get(sheet);
      const xml = path ? await zip.read(path) : null;
      return xml ? readSheetCells(xml, addresses, ctx) : new Map();
    };

    const metaCells = sheetPath.has(META_SHEET) ? await readCells(META_SHEET, new Set(META_CELLS)) : new Map<string, CellReading>();
    const meta = metaFromCells((a) => textOf(metaCells.get(a)));

    const targets = locateFields(request, definedNames, meta);
    const bySheet = new Map<string, Set<string>>();
    for (const t of targets) {
      if (!t.location) continue;
      const set = bySheet.get(t.location.sheet) ?? new Set<string>();
      set.add(t.location.address);
      bySheet.set(t.location.sheet, set);
    }
    for (const [sheet, addresses] of bySheet) sheetCache.set(sheet, await readCells(sheet, addresses));

    const cells = new Map<string, LocatedCell>();
    for (const t of targets) {
      const reading = t.location ? (sheetCache.get(t.location.sheet)?.get(t.location.address) ?? EMPTY) : EMPTY;
      cells.set(t.field, { field: t.field, location: t.location, reading, locatedBy: t.locatedBy });
    }
    return { meta, date1904: wb.date1904, sheetNames: wb.sheets.map((s) => s.name), definedNames, cells };
  } finally {
    zip.close();
  }
};
