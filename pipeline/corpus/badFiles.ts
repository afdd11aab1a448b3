// Files that are not usable workbooks, built as real bytes: what agencies actually receive by e-mail and USB
// stick. Each names the rejection code the ingest must record for it.
import ExcelJS from 'exceljs';
import { crc32, deflateRawSync, constants as zlibConstants } from 'node:zlib';
import { writeCfb } from './cfb/writeCfb.ts';
import { createRandom } from './random.ts';
import { readZipEntries } from './zip/readZip.ts';
import { deflatedEntry, storedEntry, type ZipEntry } from './zip/zipEntry.ts';
import { writeZip, writeZipLayout } from './zip/writeZip.ts';

export type BadFileCode =
  | 'file/legacy-format'
  | 'file/encrypted'
  | 'file/corrupt-zip'
  | 'file/zip-bomb'
  | 'file/not-a-workbook'
  | 'file/not-template';

export interface BadFileContext {
  /** A real workbook filled from the template (the truncated and corrupt files are made from it). */
  readonly filledWorkbook: () => Promise<Buffer>;
}

export interface BadFile {
  readonly name: string;
  /** A default file name (the corpus writer renames it after the enterprise that sent it). */
  readonly fileName: string;
  readonly expectedCode: BadFileCode;
  readonly build: (ctx: BadFileContext) => Buffer | Promise<Buffer>;
}

// ------------------------------------------------------------------ compound files

/** A BIFF8 workbook-globals BOF record and an EOF record: how every legacy .xls Workbook stream begins and ends. */
function biff8Stub(): Buffer {
  const bof = Buffer.alloc(4 + 16);
  bof.writeUInt16LE(0x0809, 0);
  bof.writeUInt16LE(16, 2);
  bof.writeUInt16LE(0x0600, 4); // BIFF8
  bof.writeUInt16LE(0x0005, 6); // workbook globals
  bof.writeUInt16LE(0x0dbb, 8);
  bof.writeUInt16LE(0x07cc, 10);
  const eof = Buffer.from([0x0a, 0x00, 0x00, 0x00]);
  return Buffer.concat([bof, eof]);
}

export function buildLegacyXls(): Buffer {
  return writeCfb([
    { name: 'Workbook', data: biff8Stub() },
    { name: '\u0005SummaryInformation', data: Buffer.alloc(0) },
  ]);
}

/** WPS 表格's .et is a compound file with a BIFF-style Workbook stream as well. */
export function buildWpsEt(): Buffer {
  return writeCfb([
    { name: 'Workbook', data: biff8Stub() },
    { name: 'WpsCustomData', data: Buffer.alloc(0) },
  ]);
}

const AGILE_ENCRYPTION_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
  '<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" ' +
  'xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password">' +
  '<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/>' +
  '<keyEncryptors><keyEncryptor uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password">' +
  '<p:encryptedKey spinCount="100000" saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/>' +
  '</keyEncryptor></keyEncryptors></encryption>';

/** A password-protected .xlsx: Excel wraps the encrypted package in a compound file (MS-OFFCRYPTO, agile). */
export function buildEncryptedXlsx(): Buffer {
  const info = Buffer.alloc(8);
  info.writeUInt16LE(4, 0);
  info.writeUInt16LE(4, 2);
  info.writeUInt32LE(0x40, 4);
  const rng = createRandom('encrypted-package');
  const cipher = Buffer.alloc(8192);
  for (let i = 0; i < cipher.length; i++) cipher[i] = rng.int(0, 255);
  const size = Buffer.alloc(8);
  size.writeUInt32LE(12345, 0);
  return writeCfb([
    { name: 'EncryptionInfo', data: Buffer.concat([info, Buffer.from(AGILE_ENCRYPTION_XML, 'utf8')]) },
    { name: 'EncryptedPackage', data: Buffer.concat([size, cipher]) },
  ]);
}

// ------------------------------------------------------------------ broken zips

/** The first half of a real workbook: its central directory and end record are gone. */
export async function buildTruncatedXlsx(ctx: BadFileContext): Promise<Buffer> {
  const full = await ctx.filledWorkbook();
  return Buffer.from(full.subarray(0, Math.floor(full.length / 2)));
}

/** A real workbook whose central directory headers were overwritten (a disk or transfer error). */
export async function buildCorruptXlsx(ctx: BadFileContext): Promise<Buffer> {
  const full = Buffer.from(await ctx.filledWorkbook());
  const end = full.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const central = full.readUInt32LE(end + 16);
  // Flip every byte of the central directory's first 64 bytes (its signature and sizes included).
  for (let i = central; i < Math.min(end, central + 64); i++) full[i] = (full[i] ?? 0) ^ 0xff;
  return full;
}

// ------------------------------------------------------------------ zip bombs

/** Declared and real uncompressed size of the bomb's sheet: far beyond any sane workbook part. */
export const BOMB_SHEET_BYTES = 256 * 1024 * 1024;
/** Entries in the many-entries bomb (more than any sane workbook holds). */
export const BOMB_ENTRY_COUNT = 5000;

const CONTENT_TYPES_XLSX =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>';
const ROOT_RELS_XLSX =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const WORKBOOK_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>';
const WORKBOOK_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';

function xlsxSkeleton(): ZipEntry[] {
  return [
    deflatedEntry('[Content_Types].xml', CONTENT_TYPES_XLSX),
    deflatedEntry('_rels/.rels', ROOT_RELS_XLSX),
    deflatedEntry('xl/workbook.xml', WORKBOOK_XML),
    deflatedEntry('xl/_rels/workbook.xml.rels', WORKBOOK_RELS),
  ];
}

/**
 * A workbook-shaped zip whose one sheet really inflates to BOMB_SHEET_BYTES (XML padded with spaces).
 * Identical 1 MiB chunks compressed with a full flush are byte-aligned and independent, so the compressed
 * chunk is repeated instead of deflating hundreds of megabytes: the file stays ~0.3 MB and builds in ~0.1 s.
 */
export function buildZipBomb(): Buffer {
  const head = Buffer.from('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>', 'utf8');
  const tail = Buffer.from('</sheetData></worksheet>', 'utf8');
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  const repeats = (BOMB_SHEET_BYTES - head.length - tail.length) / chunk.length;
  const whole = Math.floor(repeats);
  const rest = Buffer.alloc(BOMB_SHEET_BYTES - head.length - tail.length - whole * chunk.length, 0x20);
  const full = { finishFlush: zlibConstants.Z_FULL_FLUSH };
  const cHead = deflateRawSync(head, full);
  const cChunk = deflateRawSync(chunk, { ...full, level: 9 });
  const cRest = deflateRawSync(rest, full);
  const cTail = deflateRawSync(tail);
  let crc = crc32(head);
  for (let i = 0; i < whole; i++) crc = crc32(chunk, crc);
  crc = crc32(rest, crc);
  crc = crc32(tail, crc);
  const compressed = Buffer.concat([cHead, ...Array.from({ length: whole }, () => cChunk), cRest, cTail]);
  return writeZip([...xlsxSkeleton(), { name: 'xl/worksheets/sheet1.xml', method: 8, crc, compressed, uncompressedSize: BOMB_SHEET_BYTES }]);
}

/** A workbook-shaped zip with thousands of tiny entries (exhausts whatever walks the entries). */
export function buildZipBombEntries(): Buffer {
  const many = Array.from({ length: BOMB_ENTRY_COUNT }, (_, i) => storedEntry(`xl/media/p${i}.bin`, ''));
  return writeZip([...xlsxSkeleton(), ...many]);
}

// ------------------------------------------------------------------ not workbooks

export function buildTextAsXlsx(): Buffer {
  return Buffer.from('江苏省智能工厂梯度建设自评价表\r\n企业名称：示例·某某有限公司（演示）\r\n（此文件是纯文本，只是扩展名被改成了 .xlsx）\r\n', 'utf8');
}

/** A one-page PDF (someone printed the form to PDF), with a correct cross-reference table. */
export function buildPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    null,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const text = 'BT /F1 14 Tf 72 770 Td (Self-evaluation form - demo, printed to PDF) Tj ET';
  objects[3] = `<< /Length ${Buffer.byteLength(text)} >>\nstream\n${text}\nendstream`;
  let out = '%PDF-1.4\n%\xE2\xE3\xCF\xD3\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A valid Word document: a zip, OOXML even, but not a workbook. */
export function buildDocx(): Buffer {
  const ct =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
  const rels =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
  const doc =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    '<w:body><w:p><w:r><w:t>自评价情况说明（演示）</w:t></w:r></w:p></w:body></w:document>';
  return writeZipLayout([deflatedEntry('[Content_Types].xml', ct), deflatedEntry('_rels/.rels', rels), deflatedEntry('word/document.xml', doc)]).bytes;
}

/** A workbook, but someone's own table instead of the official template. */
export async function buildForeignWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(Date.UTC(2025, 5, 1));
  wb.modified = wb.created;
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(['企业名称', '自评得分', '备注']);
  ws.addRow(['示例·某某机械有限公司（演示）', 62, '自制表格，非官方模板']);
  // Re-packed with a fixed timestamp so the file is the same bytes on every run.
  return writeZip(readZipEntries(Buffer.from(await wb.xlsx.writeBuffer())));
}

export const BAD_FILES: readonly BadFile[] = [
  { name: 'legacy-xls', fileName: '自评价表.xls', expectedCode: 'file/legacy-format', build: buildLegacyXls },
  { name: 'wps-et', fileName: '自评价表.et', expectedCode: 'file/legacy-format', build: buildWpsEt },
  { name: 'encrypted-xlsx', fileName: '自评价表（已加密）.xlsx', expectedCode: 'file/encrypted', build: buildEncryptedXlsx },
  { name: 'truncated-xlsx', fileName: '自评价表（传输中断）.xlsx', expectedCode: 'file/corrupt-zip', build: buildTruncatedXlsx },
  { name: 'corrupt-xlsx', fileName: '自评价表（已损坏）.xlsx', expectedCode: 'file/corrupt-zip', build: buildCorruptXlsx },
  { name: 'zip-bomb', fileName: '自评价表（异常）.xlsx', expectedCode: 'file/zip-bomb', build: buildZipBomb },
  { name: 'zip-bomb-entries', fileName: '自评价表（条目异常）.xlsx', expectedCode: 'file/zip-bomb', build: buildZipBombEntries },
  { name: 'text-as-xlsx', fileName: '自评价表（文本）.xlsx', expectedCode: 'file/not-a-workbook', build: buildTextAsXlsx },
  { name: 'pdf', fileName: '自评价表.pdf', expectedCode: 'file/not-a-workbook', build: buildPdf },
  { name: 'docx', fileName: '自评价情况说明.docx', expectedCode: 'file/not-a-workbook', build: buildDocx },
  { name: 'foreign-workbook', fileName: '自评价表（自制）.xlsx', expectedCode: 'file/not-template', build: buildForeignWorkbook },
];

