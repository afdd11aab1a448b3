// Reads a well-formed zip (the template) into its entries without inflating them, from the central
// directory. Only for archives we produced or trust; returned workbooks are read by pipeline/read under limits.
import type { ZipEntry } from './zipEntry.ts';

const END_SIG = 0x06054b50;
const CENTRAL_SIG = 0x02014b50;

function findEnd(buf: Buffer): number {
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === END_SIG) return i;
  }
  throw new Error('zip: end of central directory not found');
}

export function readZipEntries(buf: Buffer): ZipEntry[] {
  const end = findEnd(buf);
  const count = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  const out: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== CENTRAL_SIG) throw new Error('zip: bad central directory entry');
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const compressedSize = buf.readUInt32LE(p + 20);
    const uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    if (method !== 0 && method !== 8) throw new Error(`zip: unsupported method ${method} for ${name}`);
    const dataStart = localOffset + 30 + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28);
    out.push({ name, method, crc, compressed: buf.subarray(dataStart, dataStart + compressedSize), uncompressedSize });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}
