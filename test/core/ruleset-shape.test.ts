import { describe, expect, it } from 'vitest';
import { RULESET_2025, STAGE_KEYS, TIER_KEYS } from '../../core/index.ts';

describe('ruleset shape against the documents', () => {
  it('has 10 indicators, six levels each except 7, N/A only on 1, 5, 6', () => {
    expect(RULESET_2025.indicators.map((i) => i.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const i of RULESET_2025.indicators) {
      if (i.id === 7) expect(i.kind).toBe('amount');
      else if (i.kind === 'levelled') {
        expect(i.levels).toHaveLength(6);
        expect(i.naAllowed).toBe([1, 5, 6].includes(i.id));
      } else throw new Error(`indicator ${i.id} should be levelled`);
    }
  });

  it('has 40 scenarios whose 「/」 pattern matches RULES.md §3', () => {
    const s = RULESET_2025.scenarios;
    expect(s.map((x) => x.id)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const noBasic = s.filter((x) => !x.tiers.basic.has).map((x) => x.id);
    const noAdvanced = s.filter((x) => !x.tiers.advanced.has).map((x) => x.id);
    expect(noBasic).toEqual([1, 2, 4, 8, 11, 23, 28, 29, 34, 35, 36, 37, 38, 39, 40]);
    expect(noAdvanced).toEqual([28, 29, 34, 35, 36, 37, 38, 40]);
    for (const x of s) {
      expect(x.tiers.excellent.has).toBe(true);
      expect(x.tiers.leading.has).toBe(true);
    }
  });

  it('has the 8/15/20/25 scenario counts and 2/2/3/4 maturities', () => {
    expect(RULESET_2025.tiers.map((t) => t.tier)).toEqual(TIER_KEYS);
    expect(RULESET_2025.tiers.map((t) => t.minScenarios)).toEqual([8, 15, 20, 25]);
    expect(RULESET_2025.tiers.map((t) => t.minMaturity)).toEqual([2, 2, 3, 4]);
    expect(RULESET_2025.tiers.map((t) => t.compositeThreshold)).toEqual([60, 70, 80, 90]);
  });

  it('maps every one of the 40 scenarios to exactly one of the five stages', () => {
    const m = RULESET_2025.readings.stageOfScenario;
    expect(Object.keys(m).map(Number).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    for (const stage of Object.values(m)) expect(STAGE_KEYS).toContain(stage);
  });
});
