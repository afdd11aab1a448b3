import { describe, expect, it } from 'vitest';
import { MISSING_TEXT, READING_DOCS, RULESET_2025, STAGE_KEYS, TIER_KEYS } from '../../core/index.ts';
import { hasDescription, stageOf } from './support/build.ts';

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

describe('ruleset details against RULES.md, stated independently', () => {
  it('the stage mapping is the default of RULES.md §4 (Reading R7)', () => {
    const m = RULESET_2025.readings.stageOfScenario;
    for (let id = 1; id <= 40; id++) expect([id, m[id]]).toEqual([id, stageOf(id)]);
  });

  it('the 「/」 cells agree with the test-side table', () => {
    for (const s of RULESET_2025.scenarios) for (const t of TIER_KEYS) expect([s.id, t, s.tiers[t].has]).toEqual([s.id, t, hasDescription(s.id, t)]);
  });

  it('uses D4 numbering and names, D1 names as aliases (RULES.md §3, §5)', () => {
    const s = (id: number) => RULESET_2025.scenarios[id - 1];
    expect([20, 21, 29, 30, 13].map((id) => s(id)?.name)).toEqual(['安全一体化管控', '危险作业自动化', '供应链物流智能配送', '供应商数智化管理', '数智精益管理']);
    expect(s(10)?.name).toBe('人机协同制造');
    expect(s(10)?.aliases).toContain('人机协同作业');
  });

  it('stores the texts the seed lost as missing, never invented (RULES.md §5)', () => {
    const levels = (id: number) => {
      const i = RULESET_2025.indicators.find((x) => x.id === id);
      return i?.kind === 'levelled' ? i.levels : [];
    };
    expect(levels(2).slice(3)).toEqual([null, null, null]);
    expect(levels(5).slice(4)).toEqual([null, null]);
    for (const id of [1, 3, 4, 6, 8, 9, 10]) for (const t of levels(id)) expect(t).toEqual(expect.any(String));
    for (const id of [1, 3, 4, 6, 8, 9, 10]) for (const t of levels(id)) expect(t).not.toMatch(/\s|^□|^口/);
    expect(MISSING_TEXT).toBe('原文缺失，以官方发布稿为准');
  });

  it('has the five basic requirements, (1)–(4) declared and (5) computed', () => {
    expect(RULESET_2025.basicRequirements.map((r) => [r.no, r.declaration])).toEqual([
      [1, 'scale'], [2, 'compliance'], [3, 'secure'], [4, 'organization'], [5, null],
    ]);
  });

  it('documents every Reading R1–R8 in Chinese and English', () => {
    expect(READING_DOCS.map((d) => d.id)).toEqual(['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8']);
    for (const d of READING_DOCS) {
      expect(d.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(d.en).toMatch(/[a-z]/);
    }
    const keys = new Set(Object.keys(RULESET_2025.readings));
    for (const d of READING_DOCS) if (d.key !== 'maturitySelfAssessed') expect(keys.has(d.key)).toBe(true);
  });
});
