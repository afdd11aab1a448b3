// What a file is, from its first bytes (not its name): a zip (OOXML candidate), an OLE2 compound file
// (legacy .xls, WPS .et, or an encrypted OOXML package), or something else.
import { ReadError } from './ReadError.ts';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const ZIP_EMPTY_MAGIC = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');

export type FileKind = 'zip' | 'encrypted-ooxml' | 'legacy' | 'other';

export function sniff(bytes: Buffer): FileKind {
  if (bytes.subarray(0, 4).equals(ZIP_MAGIC) || bytes.subarray(0, 4).equals(ZIP_EMPTY_MAGIC)) return 'zip';
  if (bytes.subarray(0, 8).equals(CFB_MAGIC)) {
    // Excel saves a password-protected .xlsx as a compound file holding these two streams.
    return bytes.includes(ENCRYPTED_PACKAGE) || bytes.includes(ENCRYPTION_INFO) ? 'encrypted-ooxml' : 'legacy';
  }
  return 'other';
}

const LEGACY_EXT = /\.(xls|et|ett|xlt)$/i;

/** Throws the rejection for anything that is not a zip; returns for a zip. */
export function assertZip(bytes: Buffer, fileName: string): void {
  const kind = sniff(bytes);
  if (kind === 'zip') return;
  if (kind === 'encrypted-ooxml') {
    throw new ReadError('file/encrypted', '文件设置了打开密码或已加密，无法读取；请取消密码后另存为 .xlsx 重新报送。');
  }
  if (kind === 'legacy' || LEGACY_EXT.test(fileName)) {
    throw new ReadError('file/legacy-format', '这是旧版 Excel（.xls）或 WPS（.et）格式，请在 Excel/WPS 中打开后另存为 .xlsx 再报送。');
  }
  throw new ReadError('file/not-a-workbook', '该文件不是 Excel 工作簿（.xlsx），请报送官方自评价表。');
}
