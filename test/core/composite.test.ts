// The composite (D3 N/A rule, Reading R1 on indicator 7, Reading R3 on exact thresholds), computed
// independently here on integer hundredths.
import { describe, expect, it } from 'vitest';
import { RULESET_2025, applyOverride, evaluateRaw, type Evaluation, type RawAnswers } from '../../core/index.ts';
import { CONDITIONS, LEVELLED_IDS, TIERS, answers, type Tier } from './support/build.ts';

const run = (raw: RawAnswers, ruleset = RULESET_2025): Evaluation => evaluateRaw(raw, ruleset).evaluation;

/** Exact mean of scores with at most two decimals, as a fraction of integers. */
const exactMean = (xs: readonly number[]): { num: number; den: number } => ({
  num: xs.reduce((a, x) => a + Math.round(x * 100), 0),
  den: 100 * xs.length,
});
const meanOf = (xs: readonly number[]): number => {
  const { num, den } = exactMean(xs);
  return num / den;
};
/** Tier suggested by D4 §一 for an exact mean: the highest whose threshold it strictly exceeds. */
const suggestedFor = (xs: readonly number[]): Tier | null => {
  const { num, den } = exactMean(xs);
  let best: Tier | null = null;
  for (const t of TIERS) if (num > CONDITIONS[t].threshold * den) best = t;
  return best;
};

const SCORES: Readonly<Record<number, number>> = { 1: 12.5, 2: 33, 3: 47.25, 4: 61, 5: 79.99, 6: 80, 8: 88.8, 9: 95.5, 10: 0 };

describe('N/A (不涉及此环节)', () => {
  it.each([1, 5, 6])('is allowed on indicator %i and leaves it out of the composite', (id) => {
    const e = run(answers({ scores: { ...SCORES, [id]: 'NA' } }));
    expect(e.issues).toEqual([]);
    expect(e.compositeDetail.na).toEqual([id]);
    expect(e.indicators.find((i) => i.id === id)).toMatchObject({ level: 'NA', valid: true });
  });

  it.each([2, 3, 4, 8, 9, 10])('is an error on indicator %i, which then leaves the composite uncomputed', (id) => {
    const e = run(answers({ scores: { ...SCORES, [id]: 'NA' } }));
    const errors = e.issues.filter((i) => i.severity === 'error');
    expect(errors.map((i) => [i.code, i.where])).toEqual([['level/na-not-allowed', { field: `SFE_I${String(id).padStart(2, '0')}_LEVEL`, indicator: id }]]);
    expect(e.composite).toBeNull();
    expect(e.compositeDetail.incomplete).toEqual([id]);
  });

  it('N/A with a score warns and ignores the score', () => {
    const raw = answers({ scores: SCORES });
    const ind = raw.indicators?.map((i) => (i.id === 5 ? { id: 5, level: '不涉及此环节', score: 70 } : i));
    const e = run({ ...raw, indicators: ind });
    expect(e.issues.map((i) => [i.code, i.severity, i.params])).toEqual([['score/with-na', 'warning', { indicator: 5, score: 70 }]]);
    const rest = LEVELLED_IDS.filter((id) => id !== 5).map((id) => SCORES[id] ?? NaN);
    expect(e.composite).toBeCloseTo(meanOf(rest), 10);
  });
});

describe('composite = mean of the applicable indicators', () => {
  const cases: readonly (readonly number[])[] = [[], [1], [5], [6], [1, 5], [1, 6], [5, 6], [1, 5, 6]];
  it.each(cases.map((na) => [na.length, na.join(',') || '—', na] as const))('%i indicator(s) N/A (%s)', (_n, _label, na) => {
    const scores: Record<number, number | 'NA'> = { ...SCORES };
    for (const id of na) scores[id] = 'NA';
    const e = run(answers({ scores }));
    const applicable = LEVELLED_IDS.filter((id) => !na.includes(id)).map((id) => SCORES[id] ?? NaN);
    expect(e.compositeDetail.scored).toEqual(LEVELLED_IDS.filter((id) => !na.includes(id)));
    expect(e.compositeDetail.na).toEqual([...na]);
    expect(e.composite).toBeCloseTo(meanOf(applicable), 10);
    expect(e.suggestedTier).toBe(suggestedFor(applicable));
  });

  it('is null, with a warning, while any indicator is missing', () => {
    const raw = answers({ scores: SCORES });
    const e = run({ ...raw, indicators: raw.indicators?.filter((i) => i.id !== 4 && i.id !== 9) });
    expect(e.composite).toBeNull();
    expect(e.suggestedTier).toBeNull();
    expect(e.issues.find((i) => i.code === 'composite/incomplete')?.params).toEqual({ missing: 2, indicators: [4, 9] });
  });

  it('stays below 100 even for scores a hair under 100', () => {
    const e = run(answers({ scores: 99.9999999 }));
    expect(e.issues).toEqual([]);
    expect(e.composite).not.toBeNull();
    expect(e.composite ?? 100).toBeLessThan(100);
  });

  it('never leaves a valid score\'s band when quantised (0.0000001 at level 2 is above 0)', () => {
    const e = run(answers({ scores: { ...SCORES, 10: 0.0000001 } }));
    expect(e.issues).toEqual([]);
    expect(e.compositeDetail.sumScaled).toBeGreaterThan(run(answers({ scores: SCORES })).compositeDetail.sumScaled);
  });
});

describe('thresholds 60/70/80/90 are strictly greater (D4 §一)', () => {
  const tierOf = (t: number): Tier => (TIERS.find((x) => CONDITIONS[x].threshold === t) as Tier);
  const belowOf = (t: number): Tier | null => TIERS[TIERS.indexOf(tierOf(t)) - 1] ?? null;

  it.each([60, 70, 80, 90])('composite exactly %i is not above it', (t) => {
    const e = run(answers({ scores: t }));
    expect(e.composite).toBe(t);
    expect(e.suggestedTier).toBe(belowOf(t));
  });

  it.each([60, 70, 80, 90])('composite just above %i (one score +0.01) opens its tier', (t) => {
    const e = run(answers({ scores: { 1: t, 2: t, 3: t, 4: t, 5: t, 6: t, 8: t, 9: t, 10: t + 0.01 } }));
    expect(e.composite).toBeCloseTo(t + 0.01 / 9, 10);
    expect(e.suggestedTier).toBe(tierOf(t));
  });

  it.each([60, 70, 80, 90])('composite above %i by the smallest step of R3 (one score +0.000001) opens its tier', (t) => {
    const e = run(answers({ scores: { 1: t, 2: t, 3: t, 4: t, 5: t, 6: t, 8: t, 9: t, 10: t + 0.000001 } }));
    expect(e.suggestedTier).toBe(tierOf(t));
  });

  it('at 60 exactly, basic requirement 5 is unmet with a zero gap', () => {
    const e = run(answers({ scores: 60 }));
    expect(e.referenceTier).toBeNull();
    expect(e.unmet.find((u) => u.code === 'unmet/composite')?.params).toEqual({ threshold: 60, composite: 60, gap: 0 });
  });
});

describe('the floating-point trap of RULES.md §2', () => {
  const naiveMean = (xs: readonly number[]): number => xs.reduce((a, x) => a + x, 0) / xs.length;

  it('seven scores of 90 with two indicators N/A: exactly 90, not above', () => {
    let fractions = 0;
    for (let i = 0; i < 7; i++) fractions += 90 / 100;
    expect((fractions / 7) * 100).toBeGreaterThan(90); // the trap is real in IEEE doubles
    const e = run(answers({ scores: { 1: 'NA', 5: 'NA', 2: 90, 3: 90, 4: 90, 6: 90, 8: 90, 9: 90, 10: 90 } }));
    expect(e.compositeDetail.scored).toHaveLength(7);
    expect(e.composite).toBe(90);
    expect(e.suggestedTier).toBe('excellent');
  });

  it.each([
    [[80.17, 90, 90, 90, 90, 90, 90, 90, 99.83]],
    [[84.4, 91.1, 94.1, 83.1, 86.3, 90.9, 96.8, 95.1, 88.2]],
  ])('scores %j sum naively to just above 90 but their mean is exactly 90', (xs) => {
    expect(naiveMean(xs)).toBeGreaterThan(90);
    const { num, den } = exactMean(xs);
    expect(num).toBe(90 * den);
    const scores = Object.fromEntries(LEVELLED_IDS.map((id, i) => [id, xs[i] ?? NaN]));
    const e = run(answers({ scores }));
    expect(e.composite).toBe(90);
    expect(e.suggestedTier).toBe('excellent');
    expect(e.tiers.find((t) => t.tier === 'leading')?.conditions.find((c) => c.key === 'compositeThreshold')?.met).toBe(false);
  });
});

describe('indicator 7 (Reading R1)', () => {
  const banding = (basis: 'total' | '2024') =>
    applyOverride(RULESET_2025, {
      readings: { indicator7Banding: { basis, steps: [{ atLeast: 100, score: 20 }, { atLeast: 1000, score: 50 }, { atLeast: 5000, score: 90 }] } },
    });
  const nine = LEVELLED_IDS.map((id) => SCORES[id] ?? NaN);

  it('is recorded but not scored by default', () => {
    const e = run(answers({ scores: SCORES, investment: { total: 1200, y2024: 300 } }));
    expect(e.indicator7Score).toBeNull();
    expect(e.compositeDetail.scored).not.toContain(7);
    expect(e.composite).toBeCloseTo(meanOf(nine), 10);
  });

  it.each([
    ['total', 1200, 300, 50],
    ['total', 5000, 300, 90],
    ['total', 50, 10, 0],
    ['2024', 1200, 300, 20],
    ['2024', 9000, 99.99, 0],
  ] as const)('is scored under an agency banding on %s (total %d, 2024 %d → %d) and then counts in the composite', (basis, total, y2024, score) => {
    const e = run(answers({ scores: SCORES, investment: { total, y2024 } }), banding(basis));
    expect(e.indicator7Score).toBe(score);
    expect(e.compositeDetail.scored).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(e.composite).toBeCloseTo(meanOf([...nine, score]), 10);
  });

  it('leaves the composite uncomputed when banded but its amount is missing', () => {
    const raw = answers({ scores: SCORES });
    const e = run({ ...raw, indicators: raw.indicators?.map((i) => (i.id === 7 ? { id: 7, investmentTotal: null, investment2024: 5 } : i)) }, banding('total'));
    expect(e.composite).toBeNull();
    expect(e.compositeDetail.incomplete).toEqual([7]);
  });

  it('leaves the composite uncomputed when banded and the amount is negative, rather than scoring it 0', () => {
    const e = run(answers({ scores: SCORES, investment: { total: -5, y2024: -6 } }), banding('total'));
    expect(e.issues.map((i) => i.code)).toContain('investment/negative');
    expect(e.indicator7Score).toBeNull();
    expect(e.composite).toBeNull();
    expect(e.compositeDetail.incomplete).toEqual([7]);
  });

  it('checks the amounts: negative is an error, 2024 above the total a warning', () => {
    const e = run(answers({ investment: { total: 100, y2024: 200 } }));
    expect(e.issues.map((i) => [i.code, i.params])).toEqual([['investment/2024-exceeds-total', { total: 100, amount2024: 200 }]]);
    const n = run(answers({ investment: { total: -1, y2024: -2 } }));
    expect(n.issues.map((i) => [i.code, i.where.field])).toEqual([
      ['investment/negative', 'SFE_I07_TOTAL'],
      ['investment/negative', 'SFE_I07_2024'],
    ]);
  });
});
