import { describe, expect, it } from 'vitest';
import { RULESET_2025, TIER_KEYS, bandOf, evaluate, inInterval, isInvestment, type TierKey } from '../../core/index.ts';
import { drawAnswers } from '../../pipeline/corpus/answers.ts';
import { generateEnterprises } from '../../pipeline/corpus/enterprises.ts';
import { createRandom } from '../../pipeline/corpus/random.ts';

const N = 3000;
const rng = createRandom('answers-test');
const enterprises = generateEnterprises(N, rng.fork('e'));
const drawn = enterprises.map((e) => drawAnswers(e, rng.fork(`a/${e.index}`), { fillDate: '2025-06-30' }));
// Re-evaluated here, independently of the generator's own acceptance check.
const evaluations = drawn.map((d) => evaluate(d.answers, RULESET_2025));
const share = (pred: (i: number) => boolean): number => drawn.filter((_, i) => pred(i)).length / N;
const rank = (t: TierKey | null): number => (t === null ? -1 : TIER_KEYS.indexOf(t));

describe('drawn answers', () => {
  it('are clean: the core finds nothing to report', () => {
    for (const ev of evaluations) expect(ev.issues.map((f) => f.code)).toEqual([]);
  });

  it('put every score inside its level’s band, N/A only where allowed', () => {
    const naAllowed = new Set(RULESET_2025.indicators.filter((i) => i.kind === 'levelled' && i.naAllowed).map((i) => i.id));
    let decimals = 0;
    let na = 0;
    for (const d of drawn) {
      for (const a of d.answers.indicators) {
        if (isInvestment(a)) {
          expect(a.investmentTotal).toBeGreaterThan(0);
          expect(a.investment2024).toBeLessThanOrEqual(a.investmentTotal ?? 0);
          continue;
        }
        if (a.level === 'NA') {
          na++;
          expect(naAllowed.has(a.id)).toBe(true);
          continue;
        }
        expect(a.level).not.toBeNull();
        expect(inInterval(a.score ?? NaN, bandOf(a.level ?? 1).band)).toBe(true);
        if (!Number.isInteger(a.score)) decimals++;
      }
    }
    expect(na).toBeGreaterThan(0);
    expect(decimals).toBeGreaterThan(0);
  });

  it('look like a province: composites mostly 40–75, most at 基础级 or below, few 领航级', () => {
    const composites = evaluations.map((e) => e.composite).filter((c): c is number => c !== null);
    expect(composites.length).toBe(N);
    expect(composites.filter((c) => c >= 40 && c <= 75).length / N).toBeGreaterThan(0.75);
    expect(share((i) => rank(evaluations[i]!.referenceTier) <= 0)).toBeGreaterThan(0.85);
    expect(share((i) => evaluations[i]!.referenceTier === 'basic')).toBeGreaterThan(0.05);
    expect(share((i) => evaluations[i]!.referenceTier === 'advanced')).toBeGreaterThan(0.005);
    const leading = share((i) => evaluations[i]!.referenceTier === 'leading');
    expect(leading).toBeGreaterThan(0);
    expect(leading).toBeLessThan(0.01);
  });

  it('correlate: higher latent maturity, higher composite, maturity and scenario counts', () => {
    const byLatent = drawn.map((d, i) => ({ z: d.latent, ev: evaluations[i]!, m: d.answers.enterprise.maturity ?? 0 })).sort((a, b) => a.z - b.z);
    const low = byLatent.slice(0, N / 4);
    const high = byLatent.slice(-N / 4);
    const mean = (xs: number[]): number => xs.reduce((x, y) => x + y, 0) / xs.length;
    expect(mean(high.map((x) => x.ev.composite ?? 0))).toBeGreaterThan(mean(low.map((x) => x.ev.composite ?? 0)) + 15);
    expect(mean(high.map((x) => x.m))).toBeGreaterThan(mean(low.map((x) => x.m)) + 1);
    expect(mean(high.map((x) => x.ev.scenarioCounts.basic))).toBeGreaterThan(mean(low.map((x) => x.ev.scenarioCounts.basic)));
  });

  it('rate scenarios only at tiers that have a description, and use every maturity level', () => {
    for (const d of drawn) {
      for (const s of d.answers.scenarios) {
        if (s.tier === null) continue;
        const scenario = RULESET_2025.scenarios.find((x) => x.id === s.id);
        expect(scenario?.tiers[s.tier].has).toBe(true);
      }
    }
    expect(new Set(drawn.map((d) => d.answers.enterprise.maturity))).toEqual(new Set([1, 2, 3, 4, 5]));
    expect(share((i) => Object.values(drawn[i]!.answers.enterprise.declarations).every((v) => v === true))).toBeGreaterThan(0.75);
  });
});
