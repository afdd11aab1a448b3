// A zip opened under limits. Every entry's declared sizes are checked from the central directory before
// anything is inflated (zip-bomb defence), and inflation stops at a hard cap whatever the headers say.
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

function inflate(zip: ZipFile, entry: Entry, cap: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(corrupt(err?.message ?? 'no stream'));
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (c: Buffer) => {
        size += c.length;
        if (size > cap) {
          stream.destroy();
          reject(bomb(`条目「${entry.fileName}」解压超过 ${Math.round(cap / 1048576)} MB`));
          return;
        }
        chunks.push(c);
      });
      stream.on('error', (e: Error) => reject(/too many bytes|size/i.test(e.message) ? bomb(e.message) : corrupt(e.message)));
      stream.on('end', () => resolve(Buffer.concat(chunks, size)));
    });
  });
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
      return e ? inflate(zip, e, Math.min(limits.maxEntryUncompressed, Math.max(e.uncompressedSize, 0) + 1)) : null;
    },
    close: () => zip.close(),
  };
}
