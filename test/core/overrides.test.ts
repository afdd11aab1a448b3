// An agency's override of the Readings: what is accepted, what is refused and how.
import { describe, expect, it } from 'vitest';
import { DEFAULT_READINGS, RULESET_2025, RulesOverrideError, applyOverride } from '../../core/index.ts';

function refusal(input: unknown): RulesOverrideError {
  try {
    applyOverride(RULESET_2025, input);
  } catch (e) {
    if (e instanceof RulesOverrideError) return e;
    throw e;
  }
  throw new Error(`accepted: ${JSON.stringify(input)}`);
}

describe('applyOverride accepts', () => {
  it('an empty override, keeping the defaults', () => {
    const r = applyOverride(RULESET_2025, {});
    expect(r.readings).toEqual(DEFAULT_READINGS);
    expect(r.readingsSource).toBe('override');
  });

  it('each Reading, labelled, without touching the base ruleset', () => {
    const before = JSON.stringify(RULESET_2025);
    const r = applyOverride(RULESET_2025, {
      label: '某市工信局 2025-07',
      readings: {
        indicator7Banding: { basis: '2024', steps: [{ atLeast: 0, score: 10 }, { atLeast: 500, score: 60 }] },
        normaliseText: false,
        scorePrecisionDigits: 2,
        cumulativeTiers: false,
        compositeThresholdStrict: true,
        stageOfScenario: { '34': 'operations', '40': 'rnd' },
      },
    });
    expect(r.readingsSource).toBe('某市工信局 2025-07');
    expect(r.readings).toMatchObject({ normaliseText: false, scorePrecisionDigits: 2, cumulativeTiers: false, compositeThresholdStrict: true });
    expect(r.readings.indicator7Banding?.steps).toHaveLength(2);
    expect(r.readings.stageOfScenario[34]).toBe('operations');
    expect(r.readings.stageOfScenario[40]).toBe('rnd');
    // The rest of the mapping is kept.
    expect(r.readings.stageOfScenario[9]).toBe('production');
    expect(Object.keys(r.readings.stageOfScenario)).toHaveLength(40);
    expect(JSON.stringify(RULESET_2025)).toBe(before);
    expect(r.indicators).toBe(RULESET_2025.indicators);
  });

  it('a banding reset to null', () => {
    const banded = applyOverride(RULESET_2025, { readings: { indicator7Banding: { basis: 'total', steps: [{ atLeast: 0, score: 1 }] } } });
    expect(applyOverride(banded, { readings: { indicator7Banding: null } }).readings.indicator7Banding).toBeNull();
  });
});

describe('applyOverride refuses', () => {
  it.each([
    ['a number', 42, '(根)'],
    ['null', null, '(根)'],
    ['an array', [], '(根)'],
    ['an unknown top-level key', { reading: {} }, '(根)'],
    ['an unknown Reading', { readings: { tierWithoutDescriptionCounts: true } }, 'readings'],
    ['a wrong type', { readings: { compositeThresholdStrict: 'yes' } }, 'readings.compositeThresholdStrict'],
    ['precision above 9 digits', { readings: { scorePrecisionDigits: 10 } }, 'readings.scorePrecisionDigits'],
    ['a fractional precision', { readings: { scorePrecisionDigits: 2.5 } }, 'readings.scorePrecisionDigits'],
    ['a banding without steps', { readings: { indicator7Banding: { basis: 'total', steps: [] } } }, 'readings.indicator7Banding.steps'],
    ['a banding on an unknown amount', { readings: { indicator7Banding: { basis: '2023', steps: [{ atLeast: 0, score: 1 }] } } }, 'readings.indicator7Banding.basis'],
    ['a banding score of 100', { readings: { indicator7Banding: { basis: 'total', steps: [{ atLeast: 0, score: 100 }] } } }, 'readings.indicator7Banding.steps.0.score'],
    ['a negative amount step', { readings: { indicator7Banding: { basis: 'total', steps: [{ atLeast: -1, score: 5 }] } } }, 'readings.indicator7Banding.steps.0.atLeast'],
    [
      'steps out of order',
      { readings: { indicator7Banding: { basis: 'total', steps: [{ atLeast: 100, score: 5 }, { atLeast: 100, score: 9 }] } } },
      'readings.indicator7Banding.steps',
    ],
    ['an unknown stage', { readings: { stageOfScenario: { '9': 'assembly' } } }, 'readings.stageOfScenario.9'],
    ['a scenario id that is not a number', { readings: { stageOfScenario: { S9: 'production' } } }, 'readings.stageOfScenario'],
    ['a scenario id outside 1–40', { readings: { stageOfScenario: { '41': 'production' } } }, 'readings.stageOfScenario'],
    ['scenario id 0', { readings: { stageOfScenario: { '0': 'production' } } }, 'readings.stageOfScenario'],
  ])('%s', (_what, input, path) => {
    const e = refusal(input);
    expect(e.code).toBe('rules/invalid-override');
    expect(e.issues.length).toBeGreaterThan(0);
    expect(e.issues.some((i) => i.startsWith(`${path}：`) || i.startsWith(`${path}.`))).toBe(true);
    expect(e.message).toMatch(/^规则文件无效：/);
    // zod's wording is rendered in Chinese as well: no English sentence reaches the agency.
    expect(e.message).not.toMatch(/Invalid|expected|Unrecognized/);
  });
});
