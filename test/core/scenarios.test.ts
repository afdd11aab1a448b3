// Scenario self-evaluation: 「/」 tiers (Reading R4), cumulative counts (R5) and stage coverage (R7).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RULESET_2025, applyOverride, evaluateRaw, type Evaluation, type Ruleset } from '../../core/index.ts';
import { STAGE_SCENARIOS, TIERS, answers, hasDescription, rankOf, stageOf, type Stage, type Tier } from './support/build.ts';

const LABEL: Readonly<Record<Tier, string>> = { basic: '基础级', advanced: '先进级', excellent: '卓越级', leading: '领航级' };
const run = (scenarios: Record<number, Tier | null>, ruleset: Ruleset = RULESET_2025): Evaluation =>
  evaluateRaw(answers({ scenarios }), ruleset).evaluation;

const UNDESCRIBED = TIERS.flatMap((t) => Array.from({ length: 40 }, (_, i) => [i + 1, t] as const).filter(([id]) => !hasDescription(id, t)));

describe('a tier without description (「/」, Reading R4)', () => {
  it('there are 23 such cells: 15 at 基础级, 8 at 先进级', () => {
    expect(UNDESCRIBED).toHaveLength(23);
  });

  it.each(UNDESCRIBED)('scenario %i rated %s: an error, and counted at no tier', (id, tier) => {
    const e = run({ [id]: tier });
    const f = e.issues.filter((i) => i.code === 'scenario/tier-without-description');
    expect(f).toHaveLength(1);
    expect(f[0]?.severity).toBe('error');
    expect(f[0]?.where).toEqual({ field: `SFE_S${String(id).padStart(2, '0')}_TIER`, scenario: id });
    expect(f[0]?.params).toMatchObject({ scenario: id, tier, allowed: TIERS.filter((t) => hasDescription(id, t)).map((t) => LABEL[t]) });
    for (const t of TIERS) expect(e.scenarioCounts[t]).toBe(0);
    for (const t of TIERS) expect(e.scenarioRated[t]).toBe(0);
  });

  it('the same scenario rated at a described tier counts normally', () => {
    const e = run({ 1: 'advanced', 28: 'excellent' });
    expect(e.issues).toEqual([]);
    expect(e.scenarioCounts).toEqual({ basic: 2, advanced: 2, excellent: 1, leading: 0 });
  });
});

describe('cumulative counting (Reading R5)', () => {
  it('a scenario rated at T counts at every tier up to T', () => {
    const e = run({ 3: 'leading', 5: 'excellent', 6: 'excellent', 9: 'advanced', 10: 'advanced', 12: 'advanced', 7: 'basic', 14: 'basic', 15: 'basic', 16: 'basic' });
    expect(e.scenarioRated).toEqual({ basic: 4, advanced: 3, excellent: 2, leading: 1 });
    expect(e.scenarioCounts).toEqual({ basic: 10, advanced: 6, excellent: 3, leading: 1 });
    expect(e.stageCoverage.advanced).toEqual({ factory: 0, rnd: 3, production: 3, management: 0, operations: 0 });
  });

  const ratings = fc.dictionary(
    fc.integer({ min: 1, max: 40 }).map(String),
    fc.constantFrom<Tier | null>(null, ...TIERS),
  );

  it('counts and stage coverage equal an independent tally, for any ratings', () => {
    fc.assert(
      fc.property(ratings, (r) => {
        const map = Object.fromEntries(Object.entries(r).map(([k, v]) => [Number(k), v]));
        const e = run(map);
        const valid = Object.entries(map).filter(([id, t]) => t !== null && hasDescription(Number(id), t)) as [string, Tier][];
        for (const t of TIERS) {
          const atOrAbove = valid.filter(([, v]) => rankOf(v) >= rankOf(t));
          expect(e.scenarioCounts[t]).toBe(atOrAbove.length);
          expect(e.scenarioRated[t]).toBe(valid.filter(([, v]) => v === t).length);
          for (const s of Object.keys(STAGE_SCENARIOS) as Stage[]) {
            expect(e.stageCoverage[t][s]).toBe(atOrAbove.filter(([id]) => stageOf(Number(id)) === s).length);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('an agency may switch it off: then each scenario counts at its own tier only', () => {
    const exact = applyOverride(RULESET_2025, { readings: { cumulativeTiers: false } });
    const e = run({ 3: 'leading', 5: 'excellent', 9: 'advanced', 7: 'basic' }, exact);
    expect(e.scenarioCounts).toEqual({ basic: 1, advanced: 1, excellent: 1, leading: 1 });
  });
});

describe('stage mapping (Reading R7)', () => {
  it('an override moves a scenario to another stage', () => {
    const moved = applyOverride(RULESET_2025, { readings: { stageOfScenario: { '9': 'management' } } });
    expect(run({ 9: 'basic' }).stageCoverage.basic.production).toBe(1);
    const e = run({ 9: 'basic' }, moved);
    expect(e.stageCoverage.basic).toMatchObject({ production: 0, management: 1 });
    expect(moved.readings.stageOfScenario[10]).toBe('production');
  });
});

describe('scenario input', () => {
  it('ids outside 1–40 are reported', () => {
    const raw = answers();
    const { evaluation } = evaluateRaw({ ...raw, scenarios: [{ id: 41, tier: 'basic' }, { id: 'S09', tier: 'basic' }] }, RULESET_2025);
    expect(evaluation.issues.map((i) => [i.code, i.params.scenario])).toEqual([['scenario/unknown', '41']]);
    expect(evaluation.scenarioCounts.basic).toBe(1);
  });
});
