// Test-side knowledge of the rules, written from RULES.md rather than read from core/, and a builder of raw
// answers. Tests compare the core against these independent statements of the documents.
import type { RawAnswers } from '../../../core/index.ts';

export type Tier = 'basic' | 'advanced' | 'excellent' | 'leading';
export type Stage = 'factory' | 'rnd' | 'production' | 'management' | 'operations';
export type Decl = 'scale' | 'compliance' | 'secure' | 'organization';

export const TIERS: readonly Tier[] = ['basic', 'advanced', 'excellent', 'leading'];
export const DECLS: readonly Decl[] = ['scale', 'compliance', 'secure', 'organization'];
export const LEVELLED_IDS = [1, 2, 3, 4, 5, 6, 8, 9, 10] as const;
export const NA_ALLOWED = [1, 5, 6] as const;

const range = (a: number, b: number): number[] => Array.from({ length: b - a + 1 }, (_, i) => a + i);

/** RULES.md §3: scenarios whose table cell is 「/」 at a tier. */
const NO_DESCRIPTION: Readonly<Record<Tier, readonly number[]>> = {
  basic: [1, 2, 4, 8, 11, 23, 28, 29, ...range(34, 40)],
  advanced: [28, 29, ...range(34, 38), 40],
  excellent: [],
  leading: [],
};
export const hasDescription = (id: number, tier: Tier): boolean => !NO_DESCRIPTION[tier].includes(id);

/** RULES.md §4, default stage mapping (Reading R7). */
export const STAGE_SCENARIOS: Readonly<Record<Stage, readonly number[]>> = {
  factory: [1, 2, 31, 32, 33],
  rnd: [3, 4, 5, 6, 34],
  production: range(9, 13),
  management: [7, 8, ...range(14, 24)],
  operations: [...range(25, 30), ...range(35, 40)],
};
export function stageOf(id: number): Stage {
  const hit = (Object.keys(STAGE_SCENARIOS) as Stage[]).find((s) => STAGE_SCENARIOS[s].includes(id));
  if (!hit) throw new Error(`no stage for scenario ${id}`);
  return hit;
}

/** RULES.md §4 tier conditions and §2 thresholds. */
export const CONDITIONS: Readonly<Record<Tier, { stages: readonly Stage[]; min: number; maturity: number; threshold: number }>> = {
  basic: { stages: ['production'], min: 8, maturity: 2, threshold: 60 },
  advanced: { stages: ['production', 'management', 'operations'], min: 15, maturity: 2, threshold: 70 },
  excellent: { stages: ['factory', 'rnd', 'production', 'management', 'operations'], min: 20, maturity: 3, threshold: 80 },
  leading: { stages: ['factory', 'rnd', 'production', 'management', 'operations'], min: 25, maturity: 4, threshold: 90 },
};
export const rankOf = (t: Tier | null): number => (t === null ? -1 : TIERS.indexOf(t));
export const below = (t: Tier): Tier | null => TIERS[TIERS.indexOf(t) - 1] ?? null;

/** 表3 as printed: level 1 is exactly 0; level 2 is (0, 20); level n ≥ 3 is [20(n−2), 20(n−1)). */
export function levelHolds(level: number, score: number): boolean {
  if (!Number.isFinite(score)) return false;
  if (level === 1) return score === 0;
  const lo = 20 * (level - 2);
  const hi = lo + 20;
  return (level === 2 ? score > lo : score >= lo) && score < hi;
}
/** The level whose band holds a score in [0, 100). */
export const levelFor = (score: number): number => (score === 0 ? 1 : Math.floor(score / 20) + 2);

// GB 32100-2015, written here independently of core/uscc.
export const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
export function gbCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARS.indexOf(first17[i] ?? '');
    if (v < 0) throw new Error(`bad char in ${first17}`);
    sum += v * (USCC_WEIGHTS[i] ?? 0);
  }
  return USCC_CHARS[(31 - (sum % 31)) % 31] ?? '?';
}
export const gbUscc = (first17: string): string => first17 + gbCheckChar(first17);

/** A 昆山市 (320583) company code with a correct check character. */
export const KUNSHAN_USCC = gbUscc('91320583MA1ABCDE0');

export interface Spec {
  /** Score per levelled indicator (level chosen from the band), 'NA', or one score for all nine. */
  readonly scores?: number | Readonly<Partial<Record<number, number | 'NA'>>>;
  readonly scenarios?: Readonly<Record<number, Tier | null>>;
  readonly maturity?: number | null;
  readonly declarations?: Readonly<Partial<Record<Decl, boolean | null>>>;
  readonly investment?: { readonly total: number | null; readonly y2024: number | null };
  readonly enterprise?: Readonly<Record<string, string | number | null>>;
}

/** Canonical answers JSON: every field filled validly unless the spec says otherwise. */
export function answers(spec: Spec = {}): RawAnswers {
  const scoreOf = (id: number): number | 'NA' =>
    typeof spec.scores === 'number' ? spec.scores : (spec.scores?.[id] ?? 95);
  return {
    enterprise: {
      name: '昆山示例精密机械有限公司',
      uscc: KUNSHAN_USCC,
      city: '苏州市',
      county: '昆山市',
      industry: '34 通用设备制造业',
      maturity: spec.maturity === undefined ? 4 : spec.maturity,
      fillDate: '2025-06-30',
      declarations: { scale: true, compliance: true, secure: true, organization: true, ...spec.declarations },
      ...spec.enterprise,
    },
    indicators: [
      ...LEVELLED_IDS.map((id) => {
        const s = scoreOf(id);
        return s === 'NA' ? { id, level: 'NA', score: null } : { id, level: levelFor(s), score: s };
      }),
      { id: 7, investmentTotal: spec.investment?.total ?? 1200, investment2024: spec.investment?.y2024 ?? 300 },
    ],
    scenarios: Object.entries(spec.scenarios ?? {}).map(([id, tier]) => ({ id: Number(id), tier })),
  };
}

/**
 * Scenarios meeting exactly a tier's count and stage conditions: one per required stage, then fillers, all
 * rated at that tier (each has a description there).
 */
export const BASELINE_SCENARIOS: Readonly<Record<Tier, readonly number[]>> = {
  basic: [9, 7, 14, 15, 16, 17, 18, 19],
  advanced: [9, 14, 25, 7, 15, 16, 17, 18, 19, 20, 21, 22, 24, 26, 27],
  excellent: [1, 3, 9, 14, 25, 7, 8, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 26, 27, 30],
  leading: [1, 3, 9, 14, 25, 7, 8, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 26, 27, 30, 28, 29, 35, 36, 37],
};

export const ratedAt = (ids: readonly number[], tier: Tier): Record<number, Tier | null> =>
  Object.fromEntries(ids.map((id) => [id, tier]));
