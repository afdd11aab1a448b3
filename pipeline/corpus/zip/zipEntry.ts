// One entry of a zip archive as the corpus writer handles it: already compressed, so an untouched part of
// the template is copied byte for byte into every generated workbook without inflating it again.
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  readonly name: string;
  /** 0 = stored, 8 = deflated. */
  readonly method: 0 | 8;
  readonly crc: number;
  readonly compressed: Buffer;
  /** What the headers declare; a zip bomb declares (and really holds) far more than it stores. */
  readonly uncompressedSize: number;
}

export function deflatedEntry(name: string, data: Buffer | string): ZipEntry {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  return { name, method: 8, crc: crc32(bytes), compressed: deflateRawSync(bytes, { level: 6 }), uncompressedSize: bytes.length };
}

export function storedEntry(name: string, data: Buffer | string): ZipEntry {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  return { name, method: 0, crc: crc32(bytes), compressed: bytes, uncompressedSize: bytes.length };
}
