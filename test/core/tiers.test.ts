// D2's tier conditions, each met and then missed one at a time, with the distances the enterprise is shown.
import { describe, expect, it } from 'vitest';
import { RULESET_2025, applyOverride, evaluateRaw, type Evaluation, type Ruleset } from '../../core/index.ts';
import {
  BASELINE_SCENARIOS,
  CONDITIONS,
  DECLS,
  TIERS,
  answers,
  below,
  hasDescription,
  ratedAt,
  stageOf,
  type Spec,
  type Stage,
  type Tier,
} from './support/build.ts';

const STRICT = applyOverride(RULESET_2025, { label: 'strict', readings: { compositeThresholdStrict: true } });

/** Answers meeting every condition of `tier` exactly (scenario count and maturity at the minimum). */
const baseline = (tier: Tier, extra: Spec = {}): Spec => ({
  scores: 95,
  maturity: CONDITIONS[tier].maturity,
  scenarios: ratedAt(BASELINE_SCENARIOS[tier], tier),
  ...extra,
});
const run = (spec: Spec, ruleset: Ruleset = RULESET_2025): Evaluation => evaluateRaw(answers(spec), ruleset).evaluation;
const tierResult = (e: Evaluation, t: Tier) => {
  const r = e.tiers.find((x) => x.tier === t);
  if (!r) throw new Error(`no result for ${t}`);
  return r;
};

describe('each tier met exactly', () => {
  it.each(TIERS)('%s: every condition holds, nothing to report', (tier) => {
    const e = run(baseline(tier));
    expect(e.issues).toEqual([]);
    expect(e.referenceTier).toBe(tier);
    const r = tierResult(e, tier);
    expect(r.met).toBe(true);
    expect(r.unmet).toEqual([]);
    expect(r.conditions.every((c) => c.met)).toBe(true);
    expect(e.scenarioCounts[tier]).toBe(CONDITIONS[tier].min);
  });

  it('the next tier up lists its distance (basic → advanced)', () => {
    const e = run(baseline('basic'));
    expect(e.nextTier).toBe('advanced');
    expect(e.unmet.map((u) => u.code)).toEqual(['unmet/scenarios', 'unmet/stages']);
    expect(e.unmet[0]?.params).toMatchObject({ count: 0, required: 15, missing: 15 });
    expect(e.unmet[1]?.params).toMatchObject({ stageKeys: ['production', 'management', 'operations'] });
    expect(e.unmet[0]?.message).toContain('还差 15 个先进级及以上场景');
  });

  it('leading has no next tier', () => {
    const e = run(baseline('leading'));
    expect(e.nextTier).toBeNull();
    expect(e.unmet).toEqual([]);
  });
});

describe('each condition missed one at a time', () => {
  it.each(TIERS.flatMap((t) => DECLS.map((d) => [t, d] as const)))('%s without declaration %s: no tier at all', (tier, decl) => {
    const e = run(baseline(tier, { declarations: { [decl]: false } }));
    const r = tierResult(e, tier);
    expect(r.met).toBe(false);
    expect(r.unmet.map((u) => [u.code, u.blocking, u.params.declaration, u.params.no])).toEqual([
      ['unmet/declaration', true, decl, DECLS.indexOf(decl) + 1],
    ]);
    expect(e.referenceTier).toBeNull();
    expect(e.unmet.map((u) => u.code)).toEqual(['unmet/declaration']);
  });

  it('an unanswered declaration counts as not declared, and asks to be filled in', () => {
    const e = run(baseline('basic', { declarations: { secure: null } }));
    expect(e.referenceTier).toBeNull();
    expect(e.unmet.map((u) => u.params.declaration)).toEqual(['secure']);
    expect(e.issues.map((i) => [i.code, i.where.field])).toEqual([['cell/required', 'SFE_DECL_SECURE']]);
  });

  it.each(TIERS)('%s with the composite at 60 (not above): basic requirement 5 fails', (tier) => {
    const e = run(baseline(tier, { scores: 60 }));
    const r = tierResult(e, tier);
    expect(r.met).toBe(false);
    const expected: [string, boolean][] = [['unmet/composite', true]];
    if (tier !== 'basic') expected.push(['unmet/composite-threshold', false]);
    expect(r.unmet.map((u) => [u.code, u.blocking])).toEqual(expected);
    expect(r.unmet[0]?.params).toEqual({ threshold: 60, composite: 60, gap: 0 });
    expect(e.referenceTier).toBeNull();
  });

  it('a composite that cannot be computed fails requirement 5 too', () => {
    const raw = answers(baseline('basic'));
    const e = evaluateRaw({ ...raw, indicators: raw.indicators?.filter((i) => i.id !== 2) }, RULESET_2025).evaluation;
    expect(e.referenceTier).toBeNull();
    expect(e.unmet.map((u) => [u.code, u.params.composite])).toEqual([['unmet/composite', null]]);
  });

  it.each(TIERS)('%s with one scenario short', (tier) => {
    const ids = BASELINE_SCENARIOS[tier].slice(0, -1);
    const e = run(baseline(tier, { scenarios: ratedAt(ids, tier) }));
    const r = tierResult(e, tier);
    const min = CONDITIONS[tier].min;
    expect(r.unmet.map((u) => [u.code, u.params])).toEqual([
      ['unmet/scenarios', { tierLabel: expect.any(String), count: min - 1, required: min, missing: 1 }],
    ]);
    expect(e.referenceTier).toBe(below(tier));
    expect(e.unmet).toEqual(r.unmet);
  });

  /** Takes stage `s` away at `tier`: its scenarios drop one tier (or to none), others keep the count. */
  function uncover(tier: Tier, s: Stage): Record<number, Tier | null> {
    const lower = below(tier);
    const map: Record<number, Tier | null> = ratedAt(BASELINE_SCENARIOS[tier], tier);
    for (const id of BASELINE_SCENARIOS[tier]) {
      if (stageOf(id) === s) map[id] = lower !== null && hasDescription(id, lower) ? lower : null;
    }
    let count = Object.values(map).filter((t) => t === tier).length;
    for (let id = 1; id <= 40 && count < CONDITIONS[tier].min; id++) {
      if (id in map || stageOf(id) === s || !hasDescription(id, tier)) continue;
      map[id] = tier;
      count++;
    }
    return map;
  }

  it.each(TIERS.flatMap((t) => CONDITIONS[t].stages.map((s) => [t, s] as const)))('%s with stage %s uncovered', (tier, stage) => {
    const e = run(baseline(tier, { scenarios: uncover(tier, stage) }));
    const r = tierResult(e, tier);
    expect(e.scenarioCounts[tier]).toBe(CONDITIONS[tier].min);
    expect(e.stageCoverage[tier][stage]).toBe(0);
    expect(r.unmet.map((u) => [u.code, u.params.stageKeys])).toEqual([['unmet/stages', [stage]]]);
    expect(e.referenceTier).toBe(below(tier));
  });

  it.each(TIERS)('%s with maturity one level short', (tier) => {
    const need = CONDITIONS[tier].maturity;
    const e = run(baseline(tier, { maturity: need - 1 }));
    const r = tierResult(e, tier);
    expect(r.unmet.map((u) => [u.code, u.params.required, u.params.current])).toEqual([['unmet/maturity', need, need - 1]]);
    // The highest lower tier whose own maturity minimum is still reached.
    const lower = [...TIERS.slice(0, TIERS.indexOf(tier))].reverse().find((t) => CONDITIONS[t].maturity <= need - 1) ?? null;
    expect(e.referenceTier).toBe(lower);
  });

  it('maturity not filled in is unmet with no current level', () => {
    const e = run(baseline('basic', { maturity: null }));
    expect(e.referenceTier).toBeNull();
    expect(e.unmet.map((u) => [u.code, u.params.required, u.params.current])).toEqual([['unmet/maturity', 2, null]]);
    expect(e.issues.map((i) => i.code)).toEqual(['cell/required']);
  });
});

describe('the composite thresholds 70/80/90 as tier conditions (Reading R8)', () => {
  const upper = TIERS.filter((t) => t !== 'basic');

  it.each(upper)('%s at exactly its threshold: advisory by default, the tier holds with a warning', (tier) => {
    const thr = CONDITIONS[tier].threshold;
    const e = run(baseline(tier, { scores: thr }));
    expect(e.composite).toBe(thr);
    expect(e.referenceTier).toBe(tier);
    const r = tierResult(e, tier);
    expect(r.met).toBe(true);
    expect(r.unmet.map((u) => [u.code, u.blocking, u.params])).toEqual([
      ['unmet/composite-threshold', false, { tierLabel: expect.any(String), threshold: thr, composite: thr, gap: 0 }],
    ]);
    expect(e.issues.map((i) => [i.code, i.severity, i.params.tier, i.params.threshold])).toEqual([
      ['tier/composite-below-threshold', 'warning', tier, thr],
    ]);
  });

  it.each(upper)('%s at exactly its threshold: blocking when an override makes it strict', (tier) => {
    const thr = CONDITIONS[tier].threshold;
    const e = run(baseline(tier, { scores: thr }), STRICT);
    expect(tierResult(e, tier).met).toBe(false);
    expect(e.referenceTier).toBe(below(tier));
    expect(e.unmet.map((u) => [u.code, u.blocking, u.params.threshold, u.params.gap])).toEqual([['unmet/composite-threshold', true, thr, 0]]);
    expect(e.issues).toEqual([]);
  });

  it.each(upper)('%s just above its threshold holds under the strict reading', (tier) => {
    const thr = CONDITIONS[tier].threshold;
    const e = run(baseline(tier, { scores: { 1: thr, 2: thr, 3: thr, 4: thr, 5: thr, 6: thr, 8: thr, 9: thr, 10: thr + 0.01 } }), STRICT);
    expect(e.referenceTier).toBe(tier);
    expect(tierResult(e, tier).unmet).toEqual([]);
  });
});
