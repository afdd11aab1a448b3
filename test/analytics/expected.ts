// Expectations computed in TypeScript from the stored answers' evaluations (the core), independently of
// the SQL of the views, so the tests compare two computations rather than a view with itself.
import { TIER_KEYS, type TierKey } from '../../core/index.ts';
import type { StoredReturn } from './support/storeFixture.ts';

/** Type-7 quantile (linear interpolation between order statistics; Excel's QUARTILE.INC). */
export function quantile(xs: readonly number[], p: number): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return (s[lo] as number) + (h - lo) * ((s[hi] as number) - (s[lo] as number));
}

export const mean = (xs: readonly number[]): number | null => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

export interface GroupExpect {
  returns: number;
  scored: number;
  mean: number | null;
  median: number | null;
  q1: number | null;
  q3: number | null;
  ref: Record<TierKey | 'none', number>;
  sug: Record<TierKey | 'none', number>;
  basicPlus: number;
  advancedPlus: number;
  upgrade13: number;
}

export function groupExpect(rs: readonly StoredReturn[]): GroupExpect {
  const composites = rs.map((r) => r.evaluation.composite).filter((c): c is number => c !== null);
  const dist = (pick: (r: StoredReturn) => TierKey | null): Record<TierKey | 'none', number> => {
    const out = { none: 0, basic: 0, advanced: 0, excellent: 0, leading: 0 };
    for (const r of rs) out[pick(r) ?? 'none'] += 1;
    return out;
  };
  return {
    returns: rs.length,
    scored: composites.length,
    mean: mean(composites),
    median: quantile(composites, 0.5),
    q1: quantile(composites, 0.25),
    q3: quantile(composites, 0.75),
    ref: dist((r) => r.evaluation.referenceTier),
    sug: dist((r) => r.evaluation.suggestedTier),
    basicPlus: rs.filter((r) => r.evaluation.referenceTier !== null).length,
    advancedPlus: rs.filter((r) => r.evaluation.referenceTier !== null && r.evaluation.referenceTier !== 'basic').length,
    upgrade13: rs.filter((r) => { const n = scenariosToNextTier(r); return n !== null && n >= 1 && n <= 3; }).length,
  };
}

export function groupBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    m.set(k, [...(m.get(k) ?? []), x]);
  }
  return m;
}

/** How many more scenarios reach the next tier when scenarios and stage coverage are all that is missing. */
export function scenariosToNextTier(r: StoredReturn): number | null {
  const ev = r.evaluation;
  if (ev.nextTier === null) return null;
  const blocking = ev.unmet.filter((u) => u.blocking);
  if (blocking.length === 0 || blocking.some((u) => u.code !== 'unmet/scenarios' && u.code !== 'unmet/stages')) return null;
  const missing = Number(blocking.find((u) => u.code === 'unmet/scenarios')?.params.missing ?? 0);
  const stages = blocking.find((u) => u.code === 'unmet/stages')?.params.stageKeys;
  return Math.max(missing, Array.isArray(stages) ? stages.length : 0);
}

/** Share of peers (other than itself) scoring strictly lower, in percent: SQL's percent_rank × 100. */
export function percentile(value: number, peers: readonly number[]): number {
  if (peers.length <= 1) return 0;
  return (100 * peers.filter((p) => p < value).length) / (peers.length - 1);
}

/** Tier each scenario counts at: its answer, unless the core flagged a tier without description. */
export function countedTiers(r: StoredReturn): (TierKey | null)[] {
  const bad = new Set(r.evaluation.issues.filter((i) => i.code === 'scenario/tier-without-description').map((i) => i.where.scenario));
  return r.answers.scenarios.map((s) => (bad.has(s.id) ? null : s.tier));
}

export const TIERS = TIER_KEYS;
