// The corpus as a plan: which enterprises return what, under which file names, with which planted trouble
// and which outcome the ingest must reach. Pure and deterministic for a seed; writing is writeCorpus's job.
import { FIELD, cityOf, countyOf, fieldsFromAnswers, type FindingCode } from '../../core/index.ts';
import { drawAnswers } from './answers.ts';
import { BAD_FILES, type BadFile, type BadFileCode } from './badFiles.ts';
import { generateEnterprises, type Enterprise } from './enterprises.ts';
import { createRandom, type Random } from './random.ts';
import {
  ANSWER_TROUBLE_KINDS,
  TROUBLE_SHARES,
  plantTrouble,
  type Cells,
  type PlantedTrouble,
  type TroubleKind,
  type TroubleOutcome,
} from './trouble.ts';

export type ExpectedOutcome = 'accepted' | 'accepted_with_warnings' | 'rejected' | 'duplicate' | 'superseded';

export interface CorpusPlanOptions {
  /** Enterprises that return at least one workbook (the roster holds ~5% more who never return). */
  readonly n: number;
  readonly seed: number | string;
  /** Plant cell trouble, resubmissions and duplicate copies. */
  readonly trouble: boolean;
  /** Add the bad-file catalogue (legacy, encrypted, corrupt, bombs, not workbooks). */
  readonly badFiles: boolean;
}

interface PlannedBase {
  /** Path under the returns folder, with '/' separators. */
  readonly path: string;
  /** The roster identity of the enterprise that sent the file. */
  readonly enterpriseUscc: string;
  expected: ExpectedOutcome;
  readonly rejectCode: string | null;
}

export interface PlannedWorkbook extends PlannedBase {
  readonly kind: 'workbook';
  readonly cells: Cells;
  /** The value of the file's 统一社会信用代码 cell (differs from the roster's when a typo was planted). */
  readonly fileUscc: string | null;
  readonly fillDate: string;
  readonly planted: readonly PlantedTrouble[];
  readonly expectedCodes: readonly FindingCode[];
  /** Codes an ingest may add beyond the core's (its own identity checks). */
  readonly ingestMayAdd: readonly string[];
  /** For a resubmission: the earlier returns it replaces. */
  readonly replaces: readonly string[];
  supersededBy: string | null;
}

export interface PlannedCopy extends PlannedBase {
  readonly kind: 'copy';
  readonly duplicateOf: string;
}

export interface PlannedBadFile extends PlannedBase {
  readonly kind: 'bad-file';
  readonly badFile: BadFile;
  readonly rejectCode: BadFileCode;
  /** Cells of the sender's workbook, for the bad files made from a real one (truncated, corrupt). */
  readonly sourceCells: Cells;
}

export type PlannedFile = PlannedWorkbook | PlannedCopy | PlannedBadFile;

export interface CorpusPlan {
  readonly options: CorpusPlanOptions;
  /** The roster: every enterprise, returning or not. */
  readonly enterprises: readonly Enterprise[];
  /** Roster USCCs of enterprises that sent no file at all. */
  readonly neverReturned: readonly string[];
  /** Roster USCCs under which no workbook gets stored (never returned, only unreadable files, a rejected or mistyped identity). */
  readonly expectedMissing: readonly string[];
  /** Identities stored that the roster does not hold (a mistyped 统一社会信用代码). */
  readonly unexpected: readonly string[];
  readonly files: readonly PlannedFile[];
}

export const RETURNED_SHARE = 0.95;
export const RESUBMIT_SHARE = 0.04;
export const THIRD_RETURN_SHARE = 0.15;
export const EARLIER_RETURN_TROUBLE_SHARE = 0.5;
export const COPY_SHARE = 0.02;
/** One of each bad file per this many returning enterprises (at least one of each). */
export const BAD_FILE_EVERY = 1000;

const FIRST_FILL_DAY = Date.UTC(2025, 2, 1);
const LAST_FILL_DAY = Date.UTC(2025, 11, 20);
const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The trouble a returned workbook carries, if any, by the shares of TROUBLE_SHARES. */
function pickTrouble(rng: Random, allowed: readonly TroubleKind[]): TroubleKind | null {
  let x = rng.next();
  for (const [kind, share] of TROUBLE_SHARES) {
    x -= share;
    if (x < 0) return allowed.includes(kind) ? kind : null;
  }
  return null;
}

function folderOf(e: Enterprise, rng: Random): string {
  const city = cityOf(e.city)?.name ?? e.city;
  const county = countyOf(e.county)?.name ?? e.county;
  // Agencies file returns by city, some by county below that; a few land loose in the top folder.
  const r = rng.next();
  return r < 0.05 ? '' : r < 0.35 ? `${city}/${county}/` : `${city}/`;
}

const RETURN_SUFFIX = ['自评价表', '自评价表（修改）', '自评价表（第3次报送）'];

export function planCorpus(options: CorpusPlanOptions): CorpusPlan {
  const root = createRandom(options.seed);
  const silentCount = Math.max(1, Math.round(options.n / RETURNED_SHARE) - options.n);
  const badCopies = Math.max(1, Math.round(options.n / BAD_FILE_EVERY));
  const badSenders = options.badFiles ? badCopies * BAD_FILES.length : 0;
  const enterprises = generateEnterprises(options.n + silentCount + badSenders, root.fork('enterprises'));
  const returning = enterprises.slice(0, options.n);
  const senders = enterprises.slice(options.n + silentCount);
  const files: PlannedFile[] = [];

  for (const e of returning) {
    const rng = root.fork(`enterprise/${e.index}`);
    const folder = folderOf(e, rng);
    const returns = options.trouble && rng.chance(RESUBMIT_SHARE) ? (rng.chance(THIRD_RETURN_SHARE) ? 3 : 2) : 1;
    const latent = rng.normal();
    let day = FIRST_FILL_DAY + rng.int(0, 150) * 86400000;
    const mine: PlannedWorkbook[] = [];
    for (let k = 0; k < returns; k++) {
      if (k > 0) day = Math.min(LAST_FILL_DAY, day + rng.int(5, 40) * 86400000);
      const fillDate = isoDay(day);
      // A later return is the same enterprise a little further along.
      const drawn = drawAnswers(e, rng.fork(`answers/${k}`), { latent: latent + 0.1 * k, fillDate });
      const cells = fieldsFromAnswers(drawn.answers);
      const last = k === returns - 1;
      let outcome: TroubleOutcome | null = null;
      if (options.trouble) {
        const trng = rng.fork(`trouble/${k}`);
        if (!last) {
          if (trng.chance(EARLIER_RETURN_TROUBLE_SHARE)) outcome = plantTrouble(trng.pick(ANSWER_TROUBLE_KINDS), cells, drawn.answers, trng);
        } else {
          // Identity trouble only on single returns: a resubmission is recognised by its identity.
          const kind = pickTrouble(trng, returns > 1 ? ANSWER_TROUBLE_KINDS : TROUBLE_SHARES.map(([k2]) => k2));
          if (kind) outcome = plantTrouble(kind, cells, drawn.answers, trng);
        }
      }
      const codes = outcome ? [...new Set(outcome.codes)].sort() : [];
      mine.push({
        kind: 'workbook',
        path: `${folder}${e.name}-${RETURN_SUFFIX[k] ?? `自评价表（第${k + 1}次报送）`}.xlsx`,
        enterpriseUscc: e.uscc,
        fileUscc: (cells.get(FIELD.uscc) as string | null | undefined) ?? null,
        fillDate,
        cells,
        planted: outcome ? [outcome.planted] : [],
        expectedCodes: codes,
        ingestMayAdd: outcome?.planted.kind === 'county-not-in-city' ? ['uscc/region-mismatch'] : [],
        expected: outcome?.rejection ? 'rejected' : codes.length > 0 ? 'accepted_with_warnings' : 'accepted',
        rejectCode: outcome?.rejection ?? null,
        replaces: mine.map((m) => m.path),
        supersededBy: null,
      });
    }
    const current = mine[mine.length - 1];
    for (const m of mine.slice(0, -1)) {
      m.expected = 'superseded';
      m.supersededBy = current?.path ?? null;
    }
    files.push(...mine);
  }

  if (options.trouble) {
    const crng = root.fork('copies');
    const originals = files.filter((f): f is PlannedWorkbook => f.kind === 'workbook' && f.expected !== 'rejected');
    for (const o of originals) {
      if (!crng.chance(COPY_SHARE)) continue;
      // 「_副本」 sorts after 「.xlsx」, so in path order the original comes first and the copy is the duplicate.
      files.push({ kind: 'copy', path: o.path.replace(/\.xlsx$/, '_副本.xlsx'), enterpriseUscc: o.enterpriseUscc, expected: 'duplicate', rejectCode: null, duplicateOf: o.path });
    }
  }

  if (options.badFiles) {
    const brng = root.fork('bad-files');
    // Each unreadable file comes from an enterprise that sent nothing else, so it stays on the missing list.
    let s = 0;
    for (let c = 0; c < badCopies; c++) {
      for (const b of BAD_FILES) {
        const e = senders[s++];
        if (!e) continue;
        const drawn = drawAnswers(e, brng.fork(`answers/${e.index}/${b.name}/${c}`), { fillDate: isoDay(FIRST_FILL_DAY + brng.int(0, 150) * 86400000) });
        files.push({
          kind: 'bad-file',
          path: `${folderOf(e, brng)}${e.name}-${b.fileName}`,
          enterpriseUscc: e.uscc,
          expected: 'rejected',
          rejectCode: b.expectedCode,
          badFile: b,
          sourceCells: fieldsFromAnswers(drawn.answers),
        });
      }
    }
  }

  const sent = new Set(files.map((f) => f.enterpriseUscc));
  const stored = new Set(files.flatMap((f) => (f.kind === 'workbook' && f.expected !== 'rejected' && f.fileUscc !== null ? [f.fileUscc] : [])));
  const roster = new Set(enterprises.map((e) => e.uscc));
  return {
    options,
    enterprises,
    neverReturned: enterprises.filter((e) => !sent.has(e.uscc)).map((e) => e.uscc),
    expectedMissing: enterprises.filter((e) => !stored.has(e.uscc)).map((e) => e.uscc),
    unexpected: [...stored].filter((u) => !roster.has(u)).sort(),
    files,
  };
}
