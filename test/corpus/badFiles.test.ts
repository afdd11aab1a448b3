import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIELD, INPUT_FIELDS } from '../../core/index.ts';
import { BAD_FILES, BOMB_ENTRY_COUNT, BOMB_SHEET_BYTES, type BadFileContext } from '../../pipeline/corpus/badFiles.ts';
import { readCfbDirectory } from '../../pipeline/corpus/cfb/writeCfb.ts';
import { createFiller } from '../../pipeline/corpus/writeCorpus.ts';
import { sniff } from '../../pipeline/read/sniff.ts';
import { generateTemplate } from '../../pipeline/template/generate.ts';
import { inflateEntry, listZip } from './support/zipRead.ts';

const CFB_MAGIC = Buffer.from('d0cf11e0a1b11ae1', 'hex');
let ctx: BadFileContext;
const built = new Map<string, Buffer>();

/** Directory entry names read straight from the header's first directory sector (independent of readCfbDirectory). */
function firstDirectorySectorNames(buf: Buffer): string[] {
  const sectorSize = 1 << buf.readUInt16LE(30);
  const start = (1 + buf.readUInt32LE(48)) * sectorSize;
  const names: string[] = [];
  for (let off = start; off < start + sectorSize; off += 128) {
    const len = buf.readUInt16LE(off + 64);
    if (len > 2) names.push(buf.toString('utf16le', off, off + len - 2));
  }
  return names;
}

beforeAll(async () => {
  const fill = createFiller(await generateTemplate());
  const cells = new Map<string, string | number | null>([[FIELD.name, '示例·测试有限公司【演示】'], [FIELD.uscc, '91320583MA1XXXXXXX']]);
  ctx = { filledWorkbook: async () => fill(cells) };
  for (const b of BAD_FILES) built.set(b.name, await b.build(ctx));
});

const get = (name: string): Buffer => {
  const b = built.get(name);
  if (!b) throw new Error(`not built: ${name}`);
  return b;
};

describe('bad files are what they claim', () => {
  it('the catalogue covers every rejection code, each file small', () => {
    expect(new Set(BAD_FILES.map((b) => b.expectedCode))).toEqual(
      new Set(['file/legacy-format', 'file/encrypted', 'file/corrupt-zip', 'file/zip-bomb', 'file/not-a-workbook', 'file/not-template']),
    );
    for (const b of BAD_FILES) expect(get(b.name).length, b.name).toBeLessThan(1024 * 1024);
  });

  it('legacy .xls and WPS .et are compound files holding a Workbook stream', () => {
    for (const name of ['legacy-xls', 'wps-et']) {
      const buf = get(name);
      expect(buf.subarray(0, 8).equals(CFB_MAGIC)).toBe(true);
      const names = firstDirectorySectorNames(buf);
      expect(names).toContain('Root Entry');
      expect(names).toContain('Workbook');
      expect(names).not.toContain('EncryptedPackage');
      expect(readCfbDirectory(buf).map((e) => e.name)).toEqual(names);
      // The BIFF8 BOF record opens the Workbook stream.
      const wb = readCfbDirectory(buf).find((e) => e.name === 'Workbook');
      const at = (1 + (wb?.start ?? 0)) * 512;
      expect(buf.readUInt16LE(at)).toBe(0x0809);
      expect(sniff(buf)).toBe('legacy');
    }
    expect(BAD_FILES.find((b) => b.name === 'wps-et')?.fileName.endsWith('.et')).toBe(true);
  });

  it('an encrypted .xlsx is a compound file with EncryptionInfo and EncryptedPackage streams', () => {
    const buf = get('encrypted-xlsx');
    expect(buf.subarray(0, 8).equals(CFB_MAGIC)).toBe(true);
    const names = firstDirectorySectorNames(buf);
    expect(names).toEqual(expect.arrayContaining(['Root Entry', 'EncryptionInfo', 'EncryptedPackage']));
    expect(names).not.toContain('Workbook');
    const info = readCfbDirectory(buf).find((e) => e.name === 'EncryptionInfo');
    const at = (1 + (info?.start ?? 0)) * 512;
    expect([buf.readUInt16LE(at), buf.readUInt16LE(at + 2)]).toEqual([4, 4]);
    expect(sniff(buf)).toBe('encrypted-ooxml');
  });

  it('the truncated and corrupt workbooks come from a real one and fail to open', async () => {
    const whole = await ctx.filledWorkbook();
    expect((await listZip(whole)).map((e) => e.name)).toContain('xl/workbook.xml');
    const truncated = get('truncated-xlsx');
    expect(truncated.length).toBe(Math.floor(whole.length / 2));
    expect(whole.subarray(0, truncated.length).equals(truncated)).toBe(true);
    await expect(listZip(truncated)).rejects.toThrow();
    const corrupt = get('corrupt-xlsx');
    expect(corrupt.length).toBe(whole.length);
    expect(corrupt.equals(whole)).toBe(false);
    await expect(listZip(corrupt)).rejects.toThrow();
  });

  it('the zip bomb declares and really holds hundreds of MB in a tiny file', async () => {
    const buf = get('zip-bomb');
    const entries = await listZip(buf);
    const sheet = entries.find((e) => e.name === 'xl/worksheets/sheet1.xml');
    expect(sheet?.uncompressedSize).toBe(BOMB_SHEET_BYTES);
    expect(BOMB_SHEET_BYTES).toBeGreaterThanOrEqual(200 * 1024 * 1024);
    expect((sheet?.uncompressedSize ?? 0) / (sheet?.compressedSize ?? 1)).toBeGreaterThan(500);
    const real = await inflateEntry(buf, 'xl/worksheets/sheet1.xml');
    expect(real.size).toBe(BOMB_SHEET_BYTES);
    expect(real.crc).toBe(sheet?.crc32);
  });

  it('the many-entries bomb holds thousands of entries', async () => {
    const entries = await listZip(get('zip-bomb-entries'));
    expect(entries.length).toBeGreaterThanOrEqual(BOMB_ENTRY_COUNT);
  });

  it('text, PDF and .docx are not workbooks', async () => {
    const text = get('text-as-xlsx');
    expect(sniff(text)).toBe('other');
    expect(new TextDecoder('utf-8', { fatal: true }).decode(text)).toContain('纯文本');
    expect(BAD_FILES.find((b) => b.name === 'text-as-xlsx')?.fileName.endsWith('.xlsx')).toBe(true);

    const pdf = get('pdf').toString('latin1');
    expect(pdf.startsWith('%PDF-1.4')).toBe(true);
    expect(pdf.trimEnd().endsWith('%%EOF')).toBe(true);
    const xrefAt = Number(/startxref\n(\d+)/.exec(pdf)?.[1]);
    expect(pdf.slice(xrefAt, xrefAt + 4)).toBe('xref');
    const offsets = [...pdf.slice(xrefAt).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(offsets.length).toBe(5);
    offsets.forEach((off, i) => expect(pdf.slice(off).startsWith(`${i + 1} 0 obj\n`)).toBe(true));

    const docx = await listZip(get('docx'));
    expect(docx.map((e) => e.name)).toContain('word/document.xml');
    expect(docx.map((e) => e.name)).not.toContain('xl/workbook.xml');
  });

  it('the foreign workbook is a workbook without the template’s names', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(get('foreign-workbook') as unknown as ArrayBuffer);
    expect(wb.worksheets.length).toBeGreaterThan(0);
    for (const name of INPUT_FIELDS) expect(wb.definedNames.getRanges(name).ranges).toEqual([]);
  });

  it('builds the same bytes every time', async () => {
    for (const b of BAD_FILES) expect((await b.build(ctx)).equals(get(b.name)), b.name).toBe(true);
  });
});
