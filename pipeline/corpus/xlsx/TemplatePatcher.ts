// The corpus's fast filler: loads the template's bytes once, then writes each workbook by replacing only the
// input cells' XML and re-compressing only the parts that changed (the input sheets and the shared strings).
// Every other part is copied compressed. A workbook takes about a millisecond instead of ExcelJS's
// load-and-write round trip, which is what lets the bench generate 20,000 files.
import { inflateRawSync } from 'node:zlib';
import { readZipEntries } from '../zip/readZip.ts';
import { deflatedEntry, type ZipEntry } from '../zip/zipEntry.ts';
import { writeZip } from '../zip/writeZip.ts';
import { ensureCell, escapeXml, findCell, stripFormulaResults, unescapeXml } from './sheetXml.ts';

export type FillValue = string | number | null;

interface TargetCell {
  readonly name: string;
  readonly sheetPart: string;
  readonly address: string;
  /** The cell's attributes other than r and t (its style). */
  readonly attrs: string;
}

interface PreparedSheet {
  readonly part: string;
  /** XML split around the target cells: segments[i] precedes cells[i]; one more segment at the end. */
  readonly segments: readonly string[];
  readonly cells: readonly TargetCell[];
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** An ISO date as an Excel serial (1900 system), as a date typed into a date-formatted cell is stored. */
export function excelSerial(iso: string): number {
  return Math.round((Date.parse(`${iso}T00:00:00Z`) - EXCEL_EPOCH_MS) / 86400000);
}

const inflate = (e: ZipEntry): string => (e.method === 8 ? inflateRawSync(e.compressed) : e.compressed).toString('utf8');

function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

/** Defined name → sheet name and address, from workbook.xml (single-cell names only). */
function definedNames(workbookXml: string): Map<string, { sheet: string; address: string }> {
  const out = new Map<string, { sheet: string; address: string }>();
  const re = /<definedName\s+name="([^"]+)"[^>]*>([^<]+)<\/definedName>/g;
  for (let m = re.exec(workbookXml); m; m = re.exec(workbookXml)) {
    const ref = unescapeXml(m[2] ?? '');
    const rm = /^(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Z]+)\$?(\d+)$/.exec(ref);
    if (!rm) continue;
    const sheet = (rm[1] ?? rm[2] ?? '').replace(/''/g, "'");
    out.set(unescapeXml(m[1] ?? ''), { sheet, address: `${rm[3]}${rm[4]}` });
  }
  return out;
}

export class TemplatePatcher {
  private constructor(
    private readonly entries: readonly ZipEntry[],
    private readonly sheets: readonly PreparedSheet[],
    private readonly sharedStringsPart: string | null,
    private readonly sstItems: string,
    private readonly sstCount: number,
    private readonly sstUnique: number,
    /** Names the template defines: filling an unknown name is a programming error. */
    readonly fields: ReadonlySet<string>,
  ) {}

  static fromTemplate(template: Buffer, fields: readonly string[]): TemplatePatcher {
    const entries = readZipEntries(template);
    const byName = new Map(entries.map((e) => [e.name, e]));
    const get = (name: string): string => {
      const e = byName.get(name);
      if (!e) throw new Error(`template lacks ${name}`);
      return inflate(e);
    };
    const workbookXml = get('xl/workbook.xml');
    const rels = get('xl/_rels/workbook.xml.rels');
    const relTarget = new Map<string, string>();
    let sharedStringsPart: string | null = null;
    for (const m of rels.matchAll(/<Relationship\s([^>]*?)\/?>/g)) {
      const attrs = m[1] ?? '';
      const id = /\bId="([^"]+)"/.exec(attrs)?.[1];
      const target = /\bTarget="([^"]+)"/.exec(attrs)?.[1];
      const type = /\bType="([^"]+)"/.exec(attrs)?.[1] ?? '';
      if (!id || !target) continue;
      const part = resolveTarget('xl/workbook.xml', unescapeXml(target));
      relTarget.set(id, part);
      if (type.endsWith('/sharedStrings')) sharedStringsPart = part;
    }
    const sheetPart = new Map<string, string>();
    for (const m of workbookXml.matchAll(/<sheet\s([^>]*?)\/>/g)) {
      const attrs = m[1] ?? '';
      const name = /\bname="([^"]+)"/.exec(attrs)?.[1];
      const rid = /\br:id="([^"]+)"/.exec(attrs)?.[1];
      const part = rid ? relTarget.get(rid) : undefined;
      if (name && part) sheetPart.set(unescapeXml(name), part);
    }

    const names = definedNames(workbookXml);
    const bySheet = new Map<string, { name: string; address: string }[]>();
    for (const field of fields) {
      const ref = names.get(field);
      if (!ref) throw new Error(`template has no defined name ${field}`);
      const part = sheetPart.get(ref.sheet);
      if (!part) throw new Error(`defined name ${field} points at unknown sheet ${ref.sheet}`);
      bySheet.set(part, [...(bySheet.get(part) ?? []), { name: field, address: ref.address }]);
    }

    // Formula results are stripped from every sheet once, here; the input sheets are re-split below.
    const rewritten = new Map<string, ZipEntry>();
    const sheets: PreparedSheet[] = [];
    for (const part of new Set(sheetPart.values())) {
      const original = get(part);
      let xml = stripFormulaResults(original);
      const targets = bySheet.get(part);
      if (!targets) {
        if (xml !== original) rewritten.set(part, deflatedEntry(part, xml));
        continue;
      }
      for (const t of targets) xml = ensureCell(xml, t.address);
      const located = targets
        .map((t) => {
          const c = findCell(xml, t.address);
          if (!c) throw new Error(`cell ${t.address} not found in ${part}`);
          return { ...t, ...c };
        })
        .sort((a, b) => a.start - b.start);
      const segments: string[] = [];
      let at = 0;
      for (const c of located) {
        segments.push(xml.slice(at, c.start));
        at = c.end;
      }
      segments.push(xml.slice(at));
      const cells = located.map((c) => ({
        name: c.name,
        sheetPart: part,
        address: c.address,
        attrs: c.attrs.replace(/\s*t="[^"]*"/, ''),
      }));
      sheets.push({ part, segments, cells });
    }

    // Excel recalculates on open, so the stripped results are computed by whoever opens the file.
    const calcWorkbook = /<calcPr\b[^>]*\/>/.test(workbookXml)
      ? workbookXml.replace(/<calcPr\b([^>]*?)\s*\/>/, (_m, a: string) => `<calcPr${a.replace(/\s*fullCalcOnLoad="[^"]*"/, '')} fullCalcOnLoad="1"/>`)
      : workbookXml.replace('</workbook>', '<calcPr fullCalcOnLoad="1"/></workbook>');
    rewritten.set('xl/workbook.xml', deflatedEntry('xl/workbook.xml', calcWorkbook));

    let sstItems = '';
    let sstCount = 0;
    let sstUnique = 0;
    if (sharedStringsPart) {
      const sst = get(sharedStringsPart);
      const open = /<sst\b[^>]*>/.exec(sst);
      const close = sst.lastIndexOf('</sst>');
      if (open && close > 0) sstItems = sst.slice(open.index + open[0].length, close);
      sstUnique = (sstItems.match(/<si>|<si\s/g) ?? []).length;
      sstCount = Number(/\bcount="(\d+)"/.exec(open?.[0] ?? '')?.[1] ?? sstUnique);
    }
    const finalEntries = entries.map((e) => rewritten.get(e.name) ?? e);
    return new TemplatePatcher(finalEntries, sheets, sharedStringsPart, sstItems, sstCount, sstUnique, new Set(fields));
  }

  /** The workbook with the given input values (defined name → canonical cell value; absent names stay empty). */
  fill(values: ReadonlyMap<string, FillValue>, dateFields: ReadonlySet<string> = new Set()): Buffer {
    for (const k of values.keys()) if (!this.fields.has(k)) throw new Error(`not an input field of the template: ${k}`);
    const newStrings: string[] = [];
    const stringIndex = new Map<string, number>();
    const cellXml = (c: TargetCell): string => {
      let v = values.get(c.name) ?? null;
      if (typeof v === 'string' && dateFields.has(c.name) && /^\d{4}-\d{2}-\d{2}$/.test(v)) v = excelSerial(v);
      if (v === null || v === '') return `<c r="${c.address}"${c.attrs}/>`;
      if (typeof v === 'number') return `<c r="${c.address}"${c.attrs}><v>${String(v)}</v></c>`;
      if (!this.sharedStringsPart) {
        const space = /^\s|\s$/.test(v) ? ' xml:space="preserve"' : '';
        return `<c r="${c.address}"${c.attrs} t="inlineStr"><is><t${space}>${escapeXml(v)}</t></is></c>`;
      }
      let idx = stringIndex.get(v);
      if (idx === undefined) {
        idx = this.sstUnique + newStrings.length;
        stringIndex.set(v, idx);
        newStrings.push(v);
      }
      return `<c r="${c.address}"${c.attrs} t="s"><v>${idx}</v></c>`;
    };

    const changed = new Map<string, ZipEntry>();
    let stringCells = 0;
    for (const s of this.sheets) {
      let xml = s.segments[0] ?? '';
      s.cells.forEach((c, i) => {
        const x = cellXml(c);
        if (x.includes(' t="s"')) stringCells++;
        xml += x + (s.segments[i + 1] ?? '');
      });
      changed.set(s.part, deflatedEntry(s.part, xml));
    }
    if (this.sharedStringsPart) {
      const added = newStrings
        .map((t) => `<si><t${/^\s|\s$/.test(t) ? ' xml:space="preserve"' : ''}>${escapeXml(t)}</t></si>`)
        .join('');
      const unique = this.sstUnique + newStrings.length;
      const sst =
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.sstCount + stringCells}" uniqueCount="${unique}">` +
        `${this.sstItems}${added}</sst>`;
      changed.set(this.sharedStringsPart, deflatedEntry(this.sharedStringsPart, sst));
    }
    return writeZip(this.entries.map((e) => changed.get(e.name) ?? e));
  }
}
