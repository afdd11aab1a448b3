// Zip-bomb defence: declared sizes, entry count and ratio are refused before anything is inflated, and
// inflation is capped whatever the headers claim.
import { describe, expect, it } from 'vitest';
import { buildZipBomb, buildZipBombEntries } from '../../pipeline/corpus/badFiles.ts';
import { deflatedEntry } from '../../pipeline/corpus/zip/zipEntry.ts';
import { writeZip } from '../../pipeline/corpus/zip/writeZip.ts';
import { ReadError } from '../../pipeline/read/ReadError.ts';
import { DEFAULT_ZIP_LIMITS, openZip } from '../../pipeline/read/zip.ts';

const code = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
    return 'ok';
  } catch (e) {
    return e instanceof ReadError ? e.code : String(e);
  }
};

describe('zip limits', () => {
  it('refuses the catalogue bombs when listing entries', async () => {
    expect(await code(openZip(buildZipBomb()))).toBe('file/zip-bomb');
    expect(await code(openZip(buildZipBombEntries()))).toBe('file/zip-bomb');
  });

  it('refuses a high ratio above the floor, accepts the same data within limits', async () => {
    const big = deflatedEntry('xl/worksheets/sheet1.xml', Buffer.alloc(4 * 1024 * 1024, 0x20));
    const bytes = writeZip([big]);
    expect(await code(openZip(bytes))).toBe('file/zip-bomb');
    const zip = await openZip(bytes, { ...DEFAULT_ZIP_LIMITS, maxRatio: 1e9 });
    expect((await zip.read('xl/worksheets/sheet1.xml'))?.length).toBe(4 * 1024 * 1024);
  });

  it('caps inflation when an entry holds more than it declares', async () => {
    const honest = deflatedEntry('a.xml', Buffer.alloc(200_000, 0x41));
    const lying = { ...honest, uncompressedSize: 1000 };
    const zip = await openZip(writeZip([lying]), { ...DEFAULT_ZIP_LIMITS, maxRatio: 1e9 });
    expect(await code(zip.read('a.xml'))).toMatch(/file\/(zip-bomb|corrupt-zip)/);
  });
});
