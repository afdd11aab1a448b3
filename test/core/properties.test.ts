// Invariants over any valid answers (fast-check): the composite's range, and monotonicity of the composite,
// the suggested tier and the reference tier in scores and scenario tiers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INPUT_FIELDS, RESULT_FIELDS, RULESET_2025, applyOverride, evaluateRaw, type Evaluation, type RawAnswers, type Ruleset } from '../../core/index.ts';
import { KUNSHAN_USCC, LEVELLED_IDS, NA_ALLOWED, TIERS, answers, hasDescription, rankOf, type Tier } from './support/build.ts';

interface Pick {
  readonly level: number | 'NA';
  readonly score: number | null;
}

/** Upper end (exclusive) and lower end of a level's band, from 表3. */
const bandEnds = (level: number): { lo: number; hi: number } => (level === 1 ? { lo: 0, hi: 0 } : { lo: 20 * (level - 2), hi: 20 * (level - 1) });

/** A valid score for a level: any double in the band, or a "typed" one with two decimals. */
const scoreIn = (level: number): fc.Arbitrary<number> => {
  if (level === 1) return fc.constant(0);
  const { lo, hi } = bandEnds(level);
  return fc.oneof(
    fc.double({ min: lo, max: hi, minExcluded: level === 2, maxExcluded: true, noNaN: true }),
    fc.integer({ min: lo * 100 + (level === 2 ? 1 : 0), max: hi * 100 - 1 }).map((h) => h / 100),
  );
};
const pickFor = (id: number): fc.Arbitrary<Pick> => {
  const levelled = fc.integer({ min: 1, max: 6 }).chain((level) => scoreIn(level).map((score) => ({ level, score })));
  return (NA_ALLOWED as readonly number[]).includes(id)
    ? fc.oneof({ weight: 1, arbitrary: fc.constant<Pick>({ level: 'NA', score: null }) }, { weight: 4, arbitrary: levelled })
    : levelled;
};
const picksArb = fc.tuple(...LEVELLED_IDS.map(pickFor));

/** Each scenario unrated or rated at a tier that has a description. */
const scenariosArb = fc.array(fc.constantFrom<Tier | null>(null, null, ...TIERS), { minLength: 40, maxLength: 40 }).map((ts) =>
  ts.map((t, i) => (t !== null && hasDescription(i + 1, t) ? t : null)),
);

const enterpriseArb = fc.record({
  maturity: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
  declarations: fc.record({ scale: fc.boolean(), compliance: fc.boolean(), secure: fc.boolean(), organization: fc.boolean() }),
});

interface Case {
  readonly picks: readonly Pick[];
  readonly tiers: readonly (Tier | null)[];
  readonly maturity: number | null;
  readonly declarations: Readonly<Record<string, boolean>>;
}
const caseArb: fc.Arbitrary<Case> = fc
  .tuple(picksArb, scenariosArb, enterpriseArb)
  .map(([picks, tiers, ent]) => ({ picks, tiers, maturity: ent.maturity, declarations: ent.declarations }));

function rawOf(c: Case): RawAnswers {
  const base = answers({ maturity: c.maturity, declarations: c.declarations });
  return {
    ...base,
    indicators: [
      ...LEVELLED_IDS.map((id, i) => ({ id, level: c.picks[i]?.level ?? null, score: c.picks[i]?.score ?? null })),
      { id: 7, investmentTotal: 1200, investment2024: 300 },
    ],
    scenarios: c.tiers.map((tier, i) => ({ id: i + 1, tier })),
  };
}
const run = (c: Case, ruleset: Ruleset = RULESET_2025): Evaluation => evaluateRaw(rawOf(c), ruleset).evaluation;

const BANDED = applyOverride(RULESET_2025, {
  readings: { indicator7Banding: { basis: 'total', steps: [{ atLeast: 0, score: 99.9999999 }] } },
});

describe('properties over any valid answers', () => {
  it('the composite is computed, stays in [0, 100) and equals the mean of the applicable scores', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const e = run(c);
        expect(e.issues.filter((i) => i.severity === 'error')).toEqual([]);
        expect(e.composite).not.toBeNull();
        const v = e.composite ?? NaN;
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThan(100);
        const scores = c.picks.filter((p) => p.level !== 'NA').map((p) => p.score ?? NaN);
        expect(Math.abs(v - scores.reduce((a, x) => a + x, 0) / scores.length)).toBeLessThanOrEqual(1e-6);
      }),
      { numRuns: 300 },
    );
  });

  it('the composite stays below 100 with indicator 7 banded to its highest possible score', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const v = run(c, BANDED).composite;
        expect(v).not.toBeNull();
        expect(v ?? 100).toBeLessThan(100);
      }),
      { numRuns: 100 },
    );
  });

  it('raising one score within its band never lowers the composite, the suggested or the reference tier', () => {
    const raised = caseArb.chain((c) => {
      const candidates = c.picks.map((p, i) => [p, i] as const).filter(([p]) => p.level !== 'NA' && p.level !== 1);
      if (candidates.length === 0) return fc.constant({ c, d: c });
      return fc.constantFrom(...candidates).chain(([p, i]) => {
        const level = p.level as number;
        const from = p.score ?? 0;
        return fc
          .double({ min: from, max: bandEnds(level).hi, maxExcluded: true, noNaN: true })
          .map((to) => ({ c, d: { ...c, picks: c.picks.map((q, j) => (j === i ? { level, score: to } : q)) } }));
      });
    });
    fc.assert(
      fc.property(raised, ({ c, d }) => {
        const a = run(c);
        const b = run(d);
        expect(b.composite ?? NaN).toBeGreaterThanOrEqual(a.composite ?? NaN);
        expect(rankOf(b.suggestedTier)).toBeGreaterThanOrEqual(rankOf(a.suggestedTier));
        expect(rankOf(b.referenceTier)).toBeGreaterThanOrEqual(rankOf(a.referenceTier));
      }),
      { numRuns: 300 },
    );
  });

  it('raising a scenario to a higher tier that has a description never lowers the counts or the reference tier', () => {
    const raised = caseArb.chain((c) =>
      fc.integer({ min: 1, max: 40 }).chain((id) => {
        const now = c.tiers[id - 1] ?? null;
        const higher = TIERS.filter((t) => rankOf(t) > rankOf(now) && hasDescription(id, t));
        if (higher.length === 0) return fc.constant({ c, d: c });
        return fc.constantFrom(...higher).map((t) => ({ c, d: { ...c, tiers: c.tiers.map((x, j) => (j === id - 1 ? t : x)) } }));
      }),
    );
    fc.assert(
      fc.property(raised, ({ c, d }) => {
        const a = run(c);
        const b = run(d);
        for (const t of TIERS) expect(b.scenarioCounts[t]).toBeGreaterThanOrEqual(a.scenarioCounts[t]);
        expect(rankOf(b.referenceTier)).toBeGreaterThanOrEqual(rankOf(a.referenceTier));
      }),
      { numRuns: 300 },
    );
  });
});

describe('robustness over arbitrary cell values', () => {
  const cell = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.integer({ min: -5, max: 120 }),
    fc.string({ maxLength: 8 }),
    fc.constantFrom('不涉及', 'NA', '２级', '十五分', '领航', '/', '无', ' 3 ', '1e3', '-0', '99.9999999', '四级（优化级）', 'C34', '3205', '鼓楼区'),
  );
  const rawArb = fc.record({
    enterprise: fc.record({
      name: cell, uscc: fc.oneof(cell, fc.constant(KUNSHAN_USCC)), city: cell, county: cell, industry: cell, maturity: cell, fillDate: cell,
      declarations: fc.record({ scale: cell, compliance: cell, secure: cell, organization: cell }),
    }),
    indicators: fc.array(fc.record({ id: fc.integer({ min: 0, max: 11 }), level: cell, score: cell, investmentTotal: cell, investment2024: cell }), { maxLength: 12 }),
    scenarios: fc.array(fc.record({ id: fc.integer({ min: 0, max: 41 }), tier: cell }), { maxLength: 45 }),
  });
  const KNOWN_FIELDS = new Set([...INPUT_FIELDS, ...RESULT_FIELDS, 'SFE_SCENARIOS']);

  it('never throws; every finding has a known field and a Chinese message; the composite is in [0, 100) or null', () => {
    fc.assert(
      fc.property(rawArb, (raw) => {
        const e = evaluateRaw(raw, RULESET_2025).evaluation;
        for (const f of e.issues) {
          expect(KNOWN_FIELDS.has(f.where.field)).toBe(true);
          expect(f.message).toMatch(/[\u4e00-\u9fff]/);
        }
        for (const u of e.unmet) expect(u.message).toMatch(/[\u4e00-\u9fff]/);
        if (e.composite !== null) {
          expect(e.composite).toBeGreaterThanOrEqual(0);
          expect(e.composite).toBeLessThan(100);
        }
        expect(() => JSON.stringify(e)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});
