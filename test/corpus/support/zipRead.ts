// yauzl (an independent zip reader) wrapped in promises, for checking what the corpus writes.
import yauzl from 'yauzl';
import { crc32 } from 'node:zlib';

export interface ListedEntry {
  readonly name: string;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly crc32: number;
}

export function listZip(bytes: Buffer): Promise<ListedEntry[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('no zip'));
      const out: ListedEntry[] = [];
      zip.on('entry', (e: yauzl.Entry) => {
        out.push({ name: e.fileName, compressedSize: e.compressedSize, uncompressedSize: e.uncompressedSize, crc32: e.crc32 });
        zip.readEntry();
      });
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** Inflates one entry, returning its real size and CRC-32 (without keeping the bytes). */
export function inflateEntry(bytes: Buffer, name: string): Promise<{ size: number; crc: number }> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('no zip'));
      zip.on('entry', (e: yauzl.Entry) => {
        if (e.fileName !== name) return zip.readEntry();
        zip.openReadStream(e, (err2, stream) => {
          if (err2 || !stream) return reject(err2 ?? new Error('no stream'));
          let size = 0;
          let crc = 0;
          stream.on('data', (c: Buffer) => {
            size += c.length;
            crc = crc32(c, crc);
          });
          stream.on('end', () => resolve({ size, crc }));
          stream.on('error', reject);
        });
      });
      zip.on('end', () => reject(new Error(`no entry ${name}`)));
      zip.readEntry();
    });
  });
}
