// A tiny writer of OLE2 compound files (MS-CFB, version 3, 512-byte sectors): header, one FAT sector,
// directory sectors and the streams. Legacy .xls, WPS .et and password-protected .xlsx are all such
// containers; what tells them apart is the names of the streams inside. Streams are padded to the 4096-byte
// mini-stream cutoff so every stream lives in regular sectors and no mini FAT is needed.

const SECTOR = 512;
const MINI_CUTOFF = 4096;
const FREESECT = 0xffffffff;
const ENDOFCHAIN = 0xfffffffe;
const FATSECT = 0xfffffffd;
const NOSTREAM = 0xffffffff;
const DIR_ENTRY = 128;
const ENTRIES_PER_SECTOR = SECTOR / DIR_ENTRY;

export const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export interface CfbStream {
  /** At most 31 UTF-16 code units, e.g. 「Workbook」「EncryptionInfo」. */
  readonly name: string;
  readonly data: Buffer;
}

const sectorsFor = (bytes: number): number => Math.ceil(bytes / SECTOR);

/** MS-CFB orders siblings by name length, then by upper-cased name. */
function compareNames(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  const A = a.toUpperCase();
  const B = b.toUpperCase();
  return A < B ? -1 : A > B ? 1 : 0;
}

function dirEntry(name: string, type: 0 | 1 | 2 | 5, opts: { left?: number; right?: number; child?: number; start?: number; size?: number }): Buffer {
  const e = Buffer.alloc(DIR_ENTRY);
  if (type !== 0) {
    if (name.length > 31) throw new RangeError(`CFB name too long: ${name}`);
    e.write(name, 0, 'utf16le');
    e.writeUInt16LE((name.length + 1) * 2, 64);
  }
  e.writeUInt8(type, 66);
  // All black: readers do not check colours, and the trees written here are small and balanced.
  e.writeUInt8(1, 67);
  e.writeUInt32LE(opts.left ?? NOSTREAM, 68);
  e.writeUInt32LE(opts.right ?? NOSTREAM, 72);
  e.writeUInt32LE(opts.child ?? NOSTREAM, 76);
  e.writeUInt32LE(opts.start ?? (type === 5 ? ENDOFCHAIN : 0), 116);
  e.writeUInt32LE(opts.size ?? 0, 120);
  return e;
}

/**
 * Writes a compound file whose root storage holds the given streams. The directory is a balanced binary tree
 * of the streams in CFB order, so readers that walk the tree find every name.
 */
export function writeCfb(streams: readonly CfbStream[]): Buffer {
  const sorted = [...streams].map((s) => ({ ...s, data: s.data.length >= MINI_CUTOFF ? s.data : Buffer.concat([s.data, Buffer.alloc(MINI_CUTOFF - s.data.length)]) }));
  sorted.sort((a, b) => compareNames(a.name, b.name));

  const dirCount = 1 + sorted.length;
  const dirSectors = sectorsFor(dirCount * DIR_ENTRY);
  const streamSectors = sorted.map((s) => sectorsFor(s.data.length));
  const fatSectors = 1;
  const totalSectors = fatSectors + dirSectors + streamSectors.reduce((x, y) => x + y, 0);
  if (totalSectors > SECTOR / 4) throw new RangeError('writeCfb: content exceeds one FAT sector');

  const fat = new Array<number>(SECTOR / 4).fill(FREESECT);
  fat[0] = FATSECT;
  const chain = (first: number, n: number): void => {
    for (let i = 0; i < n; i++) fat[first + i] = i === n - 1 ? ENDOFCHAIN : first + i + 1;
  };
  const dirStart = fatSectors;
  chain(dirStart, dirSectors);
  const starts: number[] = [];
  let next = dirStart + dirSectors;
  for (const n of streamSectors) {
    starts.push(next);
    chain(next, n);
    next += n;
  }

  // Balanced tree over the sorted streams: entry ids are 1..n in sorted order.
  const left = new Array<number>(sorted.length).fill(NOSTREAM);
  const right = new Array<number>(sorted.length).fill(NOSTREAM);
  const build = (lo: number, hi: number): number => {
    if (lo > hi) return NOSTREAM;
    const mid = (lo + hi) >> 1;
    left[mid] = build(lo, mid - 1);
    right[mid] = build(mid + 1, hi);
    return mid + 1;
  };
  const rootChild = build(0, sorted.length - 1);

  const dir: Buffer[] = [dirEntry('Root Entry', 5, { child: rootChild })];
  sorted.forEach((s, i) => {
    dir.push(dirEntry(s.name, 2, { left: left[i], right: right[i], start: starts[i], size: s.data.length }));
  });
  while (dir.length < dirSectors * ENTRIES_PER_SECTOR) dir.push(dirEntry('', 0, {}));

  const header = Buffer.alloc(SECTOR);
  CFB_MAGIC.copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3
  header.writeUInt16LE(0xfffe, 28); // byte order
  header.writeUInt16LE(9, 30); // sector shift: 512
  header.writeUInt16LE(6, 32); // mini sector shift: 64
  header.writeUInt32LE(0, 40); // directory sectors (0 in version 3)
  header.writeUInt32LE(fatSectors, 44);
  header.writeUInt32LE(dirStart, 48);
  header.writeUInt32LE(0, 52); // transaction signature
  header.writeUInt32LE(MINI_CUTOFF, 56);
  header.writeUInt32LE(ENDOFCHAIN, 60); // first mini FAT sector
  header.writeUInt32LE(0, 64);
  header.writeUInt32LE(ENDOFCHAIN, 68); // first DIFAT sector
  header.writeUInt32LE(0, 72);
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i < fatSectors ? i : FREESECT, 76 + i * 4);

  const fatBuf = Buffer.alloc(SECTOR);
  fat.forEach((v, i) => fatBuf.writeUInt32LE(v >>> 0, i * 4));
  const body = sorted.map((s) => {
    const padded = Buffer.alloc(sectorsFor(s.data.length) * SECTOR);
    s.data.copy(padded);
    return padded;
  });
  return Buffer.concat([header, fatBuf, ...dir, ...body]);
}

export interface CfbDirectoryEntry {
  readonly name: string;
  readonly type: number;
  readonly start: number;
  readonly size: number;
}

/** Reads the directory entries of a version-3 compound file (follows the directory's FAT chain). */
export function readCfbDirectory(buf: Buffer): CfbDirectoryEntry[] {
  if (!buf.subarray(0, 8).equals(CFB_MAGIC)) throw new Error('not a compound file');
  const fatCount = buf.readUInt32LE(44);
  const fat: number[] = [];
  for (let i = 0; i < Math.min(fatCount, 109); i++) {
    const sec = buf.readUInt32LE(76 + i * 4);
    const off = SECTOR + sec * SECTOR;
    for (let j = 0; j < SECTOR / 4; j++) fat.push(buf.readUInt32LE(off + j * 4));
  }
  const out: CfbDirectoryEntry[] = [];
  const seen = new Set<number>();
  for (let sec = buf.readUInt32LE(48); sec < ENDOFCHAIN && !seen.has(sec); sec = fat[sec] ?? ENDOFCHAIN) {
    seen.add(sec);
    const off = SECTOR + sec * SECTOR;
    for (let k = 0; k < ENTRIES_PER_SECTOR; k++) {
      const e = buf.subarray(off + k * DIR_ENTRY, off + (k + 1) * DIR_ENTRY);
      const type = e.readUInt8(66);
      if (type === 0) continue;
      const nameLen = e.readUInt16LE(64);
      out.push({ name: e.toString('utf16le', 0, Math.max(0, nameLen - 2)), type, start: e.readUInt32LE(116), size: e.readUInt32LE(120) });
    }
  }
  return out;
}
