// A minimal raw reader of .xlsx parts for tests: ExcelJS drops falsy cached formula results (0, FALSE) and
// hides scoping details of defined names, so the assertions that depend on them read the XML directly.
import yauzl from 'yauzl';

export async function zipEntries(buf: Buffer): Promise<Map<string, string>> {
  const zip = await new Promise<yauzl.ZipFile>((res, rej) => yauzl.fromBuffer(buf, { lazyEntries: true }, (e, z) => (e || !z ? rej(e ?? new Error('no zip')) : res(z))));
  const out = new Map<string, string>();
  await new Promise<void>((res, rej) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      if (!/\.(xml|rels)$/.test(entry.fileName)) return void zip.readEntry();
      zip.openReadStream(entry, (e, stream) => {
        if (e || !stream) return rej(e ?? new Error('no stream'));
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          out.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
          zip.readEntry();
        });
        stream.on('error', rej);
      });
    });
    zip.on('end', () => res());
    zip.on('error', rej);
    zip.readEntry();
  });
  return out;
}

const decode = (s: string): string =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d))).replace(/&amp;/g, '&');

export interface RawDefinedName {
  readonly name: string;
  readonly localSheetId: string | null;
  readonly ref: string;
}

export function definedNames(parts: Map<string, string>): RawDefinedName[] {
  const wb = parts.get('xl/workbook.xml') ?? '';
  return [...wb.matchAll(/<definedName ([^>]*)>([^<]*)<\/definedName>/g)].map((m) => ({
    name: decode(/name="([^"]*)"/.exec(m[1] ?? '')?.[1] ?? ''),
    localSheetId: /localSheetId="(\d+)"/.exec(m[1] ?? '')?.[1] ?? null,
    ref: decode(m[2] ?? ''),
  }));
}

/** Sheet name → its part path. */
export function sheetParts(parts: Map<string, string>): Map<string, string> {
  const wb = parts.get('xl/workbook.xml') ?? '';
  const rels = parts.get('xl/_rels/workbook.xml.rels') ?? '';
  const target = new Map([...rels.matchAll(/<Relationship ([^>]*)\/>/g)].map((m) => [/Id="([^"]*)"/.exec(m[1] ?? '')?.[1] ?? '', /Target="([^"]*)"/.exec(m[1] ?? '')?.[1] ?? '']));
  const out = new Map<string, string>();
  for (const m of wb.matchAll(/<sheet ([^>]*)\/>/g)) {
    const name = decode(/name="([^"]*)"/.exec(m[1] ?? '')?.[1] ?? '');
    const rid = /r:id="([^"]*)"/.exec(m[1] ?? '')?.[1] ?? '';
    const t = (target.get(rid) ?? '').replace(/^\/?xl\//, '');
    out.set(name, `xl/${t}`);
  }
  return out;
}

export type RawValue = number | string | boolean | null;

/** Cached values of cells (sheet, address), as stored: formulas' results, shared/inline strings, numbers. */
export class RawWorkbook {
  private readonly shared: string[];
  private readonly sheets: Map<string, string>;
  private readonly rows = new Map<string, Map<string, string>>();

  constructor(private readonly parts: Map<string, string>) {
    const sst = parts.get('xl/sharedStrings.xml') ?? '';
    this.shared = [...sst.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => decode([...(m[1] ?? '').matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((t) => t[1] ?? '').join('')));
    this.sheets = sheetParts(parts);
  }

  static async fromBuffer(buf: Buffer): Promise<RawWorkbook> {
    return new RawWorkbook(await zipEntries(buf));
  }

  private cells(sheet: string): Map<string, string> {
    let m = this.rows.get(sheet);
    if (m) return m;
    const xml = this.parts.get(this.sheets.get(sheet) ?? '') ?? '';
    m = new Map();
    for (const c of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) m.set(c[1] ?? '', `${c[2] ?? ''}\u0000${c[3] ?? ''}`);
    this.rows.set(sheet, m);
    return m;
  }

  value(sheet: string, address: string): RawValue {
    const raw = this.cells(sheet).get(address);
    if (raw === undefined) return null;
    const [attrs = '', body = ''] = raw.split('\u0000');
    const t = /t="([^"]*)"/.exec(attrs)?.[1] ?? 'n';
    const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
    if (t === 'inlineStr') return decode([...body.matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((x) => x[1] ?? '').join(''));
    if (v === undefined) return t === 'str' ? '' : null;
    if (t === 's') return this.shared[Number(v)] ?? null;
    if (t === 'str') return decode(v);
    if (t === 'b') return v === '1';
    if (t === 'e') return `#ERROR:${v}`;
    return Number(v);
  }

  hasFormula(sheet: string, address: string): boolean {
    return /<f[ >]/.test(this.cells(sheet).get(address) ?? '');
  }
}
