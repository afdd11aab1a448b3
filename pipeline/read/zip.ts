// A zip opened under limits. Every entry's declared sizes are checked from the central directory before
// anything is inflated (zip-bomb defence), and inflation stops at a hard cap whatever the headers say.
import { inflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { ReadError } from './ReadError.ts';

export interface ZipLimits {
  readonly maxEntries: number;
  /** Sum of declared uncompressed sizes. */
  readonly maxTotalUncompressed: number;
  /** Declared uncompressed size of one entry. */
  readonly maxEntryUncompressed: number;
  /** Uncompressed / compressed, for entries larger than `ratioFloor`. */
  readonly maxRatio: number;
  readonly ratioFloor: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 2_000,
  maxTotalUncompressed: 200 * 1024 * 1024,
  maxEntryUncompressed: 64 * 1024 * 1024,
  maxRatio: 200,
  ratioFloor: 1024 * 1024,
};

const corrupt = (detail: string): ReadError =>
  new ReadError('file/corrupt-zip', `文件已损坏或不完整（${detail}），请重新保存后报送。`);
const bomb = (detail: string): ReadError =>
  new ReadError('file/zip-bomb', `文件解压后的大小异常（${detail}），疑似压缩炸弹，已拒收。`);

export interface SafeZip {
  readonly names: ReadonlySet<string>;
  /** The entry's bytes, or null when the zip has no such entry. */
  read(name: string): Promise<Buffer | null>;
  close(): void;
}

function listEntries(zip: ZipFile, limits: ZipLimits): Promise<Map<string, Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, Entry>();
    let total = 0;
    zip.on('error', (e: Error) => reject(corrupt(e.message)));
    zip.on('entry', (entry: Entry) => {
      if (entries.size + 1 > limits.maxEntries) return reject(bomb(`条目超过 ${limits.maxEntries} 个`));
      if (entry.isEncrypted()) {
        return reject(new ReadError('file/encrypted', '文件中的内容已加密，无法读取；请取消密码后另存为 .xlsx 重新报送。'));
      }
      total += entry.uncompressedSize;
      if (entry.uncompressedSize > limits.maxEntryUncompressed || total > limits.maxTotalUncompressed) {
        return reject(bomb(`声明的解压大小 ${Math.round(total / 1048576)} MB`));
      }
      if (entry.uncompressedSize > limits.ratioFloor && entry.uncompressedSize / Math.max(1, entry.compressedSize) > limits.maxRatio) {
        return reject(bomb(`压缩比 ${Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize))}:1`));
      }
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.readEntry();
  });
}

const LOCAL_HEADER_SIGNATURE = 0x04034b50;

/**
 * One entry's bytes, inflated synchronously from the file already in memory. A stream per entry (yauzl's
 * openReadStream) costs a thread-pool round trip and stream set-up for each of the ~10 parts a workbook
 * read touches, which was half the read time; the checks are yauzl's (local header signature, data
 * within the file, method, exact size) and inflation stops at `cap` whatever the headers say.
 */
function inflateEntry(bytes: Buffer, entry: Entry, cap: number): Buffer {
  const at = entry.relativeOffsetOfLocalHeader;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL_HEADER_SIGNATURE) {
    throw corrupt(`invalid local file header signature at ${at}`);
  }
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw corrupt('file data overflows file bounds');
  const tooBig = (): ReadError => bomb(`条目「${entry.fileName}」解压超过 ${Math.round(cap / 1048576)} MB`);
  let out: Buffer;
  if (entry.compressionMethod === 0) {
    if (entry.compressedSize > cap) throw tooBig();
    out = Buffer.from(bytes.subarray(start, end));
  } else if (entry.compressionMethod === 8) {
    try {
      out = inflateRawSync(bytes.subarray(start, end), { maxOutputLength: cap });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) throw tooBig();
      throw corrupt((e as Error).message);
    }
  } else {
    throw corrupt(`unsupported compression method: ${entry.compressionMethod}`);
  }
  // More than declared is a lie about size (refused as a bomb, as yauzl's size check did); less is damage.
  if (out.length > entry.uncompressedSize) throw bomb(`too many bytes in the stream. expected ${entry.uncompressedSize}. got at least ${out.length}`);
  if (out.length < entry.uncompressedSize) throw corrupt(`not enough bytes in the stream. expected ${entry.uncompressedSize}. got only ${out.length}`);
  return out;
}

export async function openZip(bytes: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<SafeZip> {
  const zip = await new Promise<ZipFile>((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false, decodeStrings: true }, (err, z) => {
      if (err || !z) reject(corrupt(err?.message ?? 'unreadable'));
      else resolve(z);
    });
  });
  const entries = await listEntries(zip, limits);
  return {
    names: new Set(entries.keys()),
    read: async (name) => {
      const e = entries.get(name);
      return e ? inflateEntry(bytes, e, Math.min(limits.maxEntryUncompressed, Math.max(e.uncompressedSize, 0) + 1)) : null;
    },
    close: () => zip.close(),
  };
}
