// Planted trouble on a workbook's cell values. Each kind says which cells it changes and which finding codes
// must result: the code it plants, plus the consequences the rules imply (an invalid indicator leaves the
// composite incomplete). These expectations are written down here, from the rules, not read back from the
// core, so a test can hold the core and the ingest to them.
import {
  FIELD,
  JIANGSU_CITIES,
  JIANGSU_COUNTIES,
  RULESET_2025,
  TIER_KEYS,
  TIER_LABELS,
  USCC_ALPHABET,
  bandOf,
  checkUscc,
  levelAnswer,
  type Answers,
  type FindingCode,
  type LevelNumber,
} from '../../core/index.ts';
import type { Random } from './random.ts';

export type CellValue = string | number | null;
export type Cells = Map<string, CellValue>;

export type TroubleKind =
  | 'score-out-of-band'
  | 'score-missing'
  | 'level-missing'
  | 'na-not-allowed'
  | 'uscc-check-char'
  | 'county-not-in-city'
  | 'tier-without-description'
  | 'text-form'
  | 'identity-missing';

export const TROUBLE_KINDS: readonly TroubleKind[] = [
  'score-out-of-band', 'score-missing', 'level-missing', 'na-not-allowed', 'uscc-check-char',
  'county-not-in-city', 'tier-without-description', 'text-form', 'identity-missing',
];

/** Kinds that leave the identity alone (an earlier return that was later corrected may carry these). */
export const ANSWER_TROUBLE_KINDS: readonly TroubleKind[] = [
  'score-out-of-band', 'score-missing', 'level-missing', 'na-not-allowed', 'tier-without-description', 'text-form',
];

/** The ingest's rejection for a workbook whose identity cells are empty. */
export const IDENTITY_MISSING = 'file/identity-missing';

export interface PlantedTrouble {
  readonly kind: TroubleKind;
  /** The defined name of the changed cell. */
  readonly field: string;
  /** The value written in place of the clean one. */
  readonly raw: CellValue;
  /** The finding code this trouble plants. */
  readonly code: FindingCode;
}

export interface TroubleOutcome {
  readonly planted: PlantedTrouble;
  /** Every finding code the changed cells must produce (the planted one and its consequences). */
  readonly codes: readonly FindingCode[];
  /** The rejection the ingest must record, if any. */
  readonly rejection: typeof IDENTITY_MISSING | null;
}

const INDICATORS_NA_FORBIDDEN = RULESET_2025.indicators.filter((i) => i.kind === 'levelled' && !i.naAllowed).map((i) => i.id);
const LEVELLED = [1, 2, 3, 4, 5, 6, 8, 9, 10] as const;

function scoredIndicators(a: Answers): { id: number; level: LevelNumber; score: number }[] {
  return LEVELLED.flatMap((id) => {
    const l = levelAnswer(a, id);
    return l.level === null || l.level === 'NA' || l.score === null ? [] : [{ id, level: l.level, score: l.score }];
  });
}

/** Full-width digits and point: 「１５．５」, as typed with a Chinese input method in full-width mode. */
export function fullWidth(text: string): string {
  return text.replace(/[0-9.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

/** County names that exist only once in Jiangsu (a repeated name would resolve inside the declared city). */
const uniqueCountyNames = (() => {
  const count = new Map<string, number>();
  for (const c of JIANGSU_COUNTIES) count.set(c.name, (count.get(c.name) ?? 0) + 1);
  return new Set([...count].filter(([, n]) => n === 1).map(([name]) => name));
})();

type Planter = (cells: Cells, a: Answers, rng: Random) => TroubleOutcome | null;

const incomplete = (code: FindingCode): FindingCode[] => [code, 'composite/incomplete'];

const PLANTERS: Readonly<Record<TroubleKind, Planter>> = {
  'score-out-of-band': (cells, a, rng) => {
    const target = scoredIndicators(a);
    if (target.length === 0) return null;
    const t = rng.pick(target);
    const { band } = bandOf(t.level);
    // Either the band's excluded upper end (a classic slip: 40 for level 3) or a score from a higher band
    // (above 100 for level 6).
    const raw = t.level === 1 ? rng.int(5, 15) : rng.chance(0.5) ? band.max : band.max + rng.int(1, 15);
    const field = FIELD.score(t.id);
    cells.set(field, raw);
    return { planted: { kind: 'score-out-of-band', field, raw, code: 'score/out-of-band' }, codes: incomplete('score/out-of-band'), rejection: null };
  },
  'score-missing': (cells, a, rng) => {
    const target = scoredIndicators(a);
    if (target.length === 0) return null;
    const field = FIELD.score(rng.pick(target).id);
    cells.set(field, null);
    return { planted: { kind: 'score-missing', field, raw: null, code: 'score/missing' }, codes: incomplete('score/missing'), rejection: null };
  },
  'level-missing': (cells, a, rng) => {
    const target = scoredIndicators(a);
    if (target.length === 0) return null;
    const id = rng.pick(target).id;
    // A half-filled form: neither level nor score (a score without a level is a different finding).
    cells.set(FIELD.level(id), null);
    cells.set(FIELD.score(id), null);
    return { planted: { kind: 'level-missing', field: FIELD.level(id), raw: null, code: 'cell/required' }, codes: incomplete('cell/required'), rejection: null };
  },
  'na-not-allowed': (cells, _a, rng) => {
    const id = rng.pick(INDICATORS_NA_FORBIDDEN);
    const raw = '不涉及此环节';
    cells.set(FIELD.level(id), raw);
    cells.set(FIELD.score(id), null);
    return { planted: { kind: 'na-not-allowed', field: FIELD.level(id), raw, code: 'level/na-not-allowed' }, codes: incomplete('level/na-not-allowed'), rejection: null };
  },
  'uscc-check-char': (cells, a) => {
    const uscc = a.enterprise.uscc;
    if (uscc === null) return null;
    // The next character of the alphabet is always a wrong check character (a single-character typo).
    const at = USCC_ALPHABET.indexOf(uscc.charAt(17));
    const raw = uscc.slice(0, 17) + USCC_ALPHABET.charAt((at + 1) % USCC_ALPHABET.length);
    if (checkUscc(raw)?.kind !== 'check') return null;
    cells.set(FIELD.uscc, raw);
    return { planted: { kind: 'uscc-check-char', field: FIELD.uscc, raw, code: 'uscc/check-char' }, codes: ['uscc/check-char'], rejection: null };
  },
  'county-not-in-city': (cells, a, rng) => {
    const city = a.enterprise.city;
    if (city === null) return null;
    const others = JIANGSU_CITIES.filter((c) => c.code !== city).flatMap((c) => c.counties).filter((c) => uniqueCountyNames.has(c.name));
    const raw = rng.pick(others).name;
    cells.set(FIELD.county, raw);
    return { planted: { kind: 'county-not-in-city', field: FIELD.county, raw, code: 'region/county-not-in-city' }, codes: ['region/county-not-in-city'], rejection: null };
  },
  'tier-without-description': (cells, a, rng) => {
    // Rate an unrated scenario at a tier printed 「/」, so the tallies of the clean answers stay as they were.
    const options = RULESET_2025.scenarios.flatMap((s) => {
      const rated = a.scenarios.find((x) => x.id === s.id)?.tier ?? null;
      return rated !== null ? [] : TIER_KEYS.filter((t) => !s.tiers[t].has).map((t) => ({ id: s.id, t }));
    });
    if (options.length === 0) return null;
    const o = rng.pick(options);
    const field = FIELD.tier(o.id);
    const raw = TIER_LABELS[o.t];
    cells.set(field, raw);
    return { planted: { kind: 'tier-without-description', field, raw, code: 'scenario/tier-without-description' }, codes: ['scenario/tier-without-description'], rejection: null };
  },
  'text-form': (cells, a, rng) => {
    const target = scoredIndicators(a);
    if (target.length === 0) return null;
    const t = rng.pick(target);
    const form = rng.weighted([['unit', 4], ['full-width', 3], ['level-text', 3]] as const);
    const field = form === 'level-text' ? FIELD.level(t.id) : FIELD.score(t.id);
    const raw = form === 'unit' ? `${t.score}分` : form === 'full-width' ? fullWidth(String(t.score)) : `${t.level}级`;
    cells.set(field, raw);
    return { planted: { kind: 'text-form', field, raw, code: 'input/normalised' }, codes: ['input/normalised'], rejection: null };
  },
  'identity-missing': (cells, _a, rng) => {
    const field = rng.chance(0.5) ? FIELD.name : FIELD.uscc;
    cells.set(field, null);
    return { planted: { kind: 'identity-missing', field, raw: null, code: 'cell/required' }, codes: ['cell/required'], rejection: IDENTITY_MISSING };
  },
};

/** Plants one kind of trouble into the cells (in place); null when the answers offer no place for it. */
export function plantTrouble(kind: TroubleKind, cells: Cells, answers: Answers, rng: Random): TroubleOutcome | null {
  return PLANTERS[kind](cells, answers, rng);
}

/** Shares of returned workbooks carrying each kind of trouble (about one in six carries some). */
export const TROUBLE_SHARES: readonly (readonly [TroubleKind, number])[] = [
  ['score-out-of-band', 0.03],
  ['score-missing', 0.02],
  ['level-missing', 0.015],
  ['na-not-allowed', 0.01],
  ['uscc-check-char', 0.01],
  ['county-not-in-city', 0.01],
  ['tier-without-description', 0.02],
  ['text-form', 0.03],
  ['identity-missing', 0.006],
];
