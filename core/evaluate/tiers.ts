// Scenario counts and stage coverage per tier, each tier's conditions (D2), the reference tier and what is
// missing for the next tier up.
import type { Unmet } from '../finding/Finding.ts';
import { makeUnmet } from '../finding/make.ts';
import { compositeAbove, compositeGap, type Composite } from './composite.ts';
import type { Ruleset } from '../ruleset/ruleset.ts';
import { DECLARATION_KEYS, STAGE_KEYS, TIER_KEYS, type DeclarationKey, type MaturityLevel, type StageKey, type TierKey } from '../ruleset/types.ts';
import { BASIC_COMPOSITE_MIN, MATURITY_SHORT, STAGE_LABELS, TIER_LABELS } from '../tier/tiers.ts';

const rank = (t: TierKey): number => TIER_KEYS.indexOf(t);

export interface ScenarioTally {
  /** Scenarios rated exactly at each tier. */
  readonly rated: Readonly<Record<TierKey, number>>;
  /** 建设场景数 per tier: rated at that tier or above (R5), or exactly at it when R5 is off. */
  readonly counts: Readonly<Record<TierKey, number>>;
  /** Per tier, how many counted scenarios fall in each stage. */
  readonly stages: Readonly<Record<TierKey, Readonly<Record<StageKey, number>>>>;
}

export function tallyScenarios(tiers: readonly (TierKey | null)[], ruleset: Ruleset): ScenarioTally {
  const zeroStages = (): Record<StageKey, number> => Object.fromEntries(STAGE_KEYS.map((s) => [s, 0])) as Record<StageKey, number>;
  const rated = Object.fromEntries(TIER_KEYS.map((t) => [t, 0])) as Record<TierKey, number>;
  const counts = { ...rated };
  const stages = Object.fromEntries(TIER_KEYS.map((t) => [t, zeroStages()])) as Record<TierKey, Record<StageKey, number>>;
  tiers.forEach((rt, i) => {
    if (rt === null) return;
    rated[rt] += 1;
    const stage = ruleset.readings.stageOfScenario[i + 1];
    for (const t of TIER_KEYS) {
      const counted = ruleset.readings.cumulativeTiers ? rank(rt) >= rank(t) : rt === t;
      if (!counted) continue;
      counts[t] += 1;
      if (stage) stages[t][stage] += 1;
    }
  });
  return { rated, counts, stages };
}

export type ConditionKey = 'declarations' | 'composite' | 'scenarios' | 'stages' | 'maturity' | 'compositeThreshold';

export interface ConditionResult {
  readonly key: ConditionKey;
  readonly met: boolean;
  readonly blocking: boolean;
}

export interface TierResult {
  readonly tier: TierKey;
  readonly met: boolean;
  readonly conditions: readonly ConditionResult[];
  readonly unmet: readonly Unmet[];
}

export interface TierInputs {
  readonly composite: Composite;
  readonly tally: ScenarioTally;
  readonly maturity: MaturityLevel | null;
  readonly declarations: Readonly<Record<DeclarationKey, boolean | null>>;
}

const round2 = (x: number | null): number | null => (x === null ? null : Math.round(x * 100) / 100);

export function evaluateTier(tier: TierKey, input: TierInputs, ruleset: Ruleset): TierResult {
  const cond = ruleset.tiers.find((c) => c.tier === tier);
  if (!cond) throw new RangeError(`unknown tier ${tier}`);
  const label = TIER_LABELS[tier];
  const unmet: Unmet[] = [];
  const conditions: ConditionResult[] = [];

  const missingDecl = DECLARATION_KEYS.filter((k) => input.declarations[k] !== true);
  for (const k of missingDecl) {
    const req = ruleset.basicRequirements.find((r) => r.declaration === k);
    unmet.push(makeUnmet('unmet/declaration', tier, true, { no: req?.no ?? 0, label: req?.label ?? k, declaration: k }));
  }
  conditions.push({ key: 'declarations', met: missingDecl.length === 0, blocking: true });

  const above60 = compositeAbove(input.composite, BASIC_COMPOSITE_MIN);
  if (!above60) {
    unmet.push(makeUnmet('unmet/composite', tier, true, {
      threshold: BASIC_COMPOSITE_MIN,
      composite: round2(input.composite.value),
      gap: compositeGap(input.composite, BASIC_COMPOSITE_MIN),
    }));
  }
  conditions.push({ key: 'composite', met: above60, blocking: true });

  const count = input.tally.counts[tier];
  const scenariosMet = count >= cond.minScenarios;
  if (!scenariosMet) {
    unmet.push(makeUnmet('unmet/scenarios', tier, true, { tierLabel: label, count, required: cond.minScenarios, missing: cond.minScenarios - count }));
  }
  conditions.push({ key: 'scenarios', met: scenariosMet, blocking: true });

  const uncovered = cond.stages.filter((s) => input.tally.stages[tier][s] === 0);
  if (uncovered.length > 0) {
    unmet.push(makeUnmet('unmet/stages', tier, true, { tierLabel: label, stageKeys: uncovered, stages: uncovered.map((s) => STAGE_LABELS[s]) }));
  }
  conditions.push({ key: 'stages', met: uncovered.length === 0, blocking: true });

  const maturityMet = input.maturity !== null && input.maturity >= cond.minMaturity;
  if (!maturityMet) {
    unmet.push(makeUnmet('unmet/maturity', tier, true, {
      required: cond.minMaturity,
      requiredLabel: MATURITY_SHORT[cond.minMaturity],
      current: input.maturity,
      currentLabel: input.maturity === null ? null : MATURITY_SHORT[input.maturity],
    }));
  }
  conditions.push({ key: 'maturity', met: maturityMet, blocking: true });

  // The basic tier's threshold (60) is requirement 5 itself, already above.
  if (tier !== 'basic') {
    const strict = ruleset.readings.compositeThresholdStrict;
    const thrMet = compositeAbove(input.composite, cond.compositeThreshold);
    if (!thrMet) {
      unmet.push(makeUnmet('unmet/composite-threshold', tier, strict, {
        tierLabel: label,
        threshold: cond.compositeThreshold,
        composite: round2(input.composite.value),
        gap: compositeGap(input.composite, cond.compositeThreshold),
      }));
    }
    conditions.push({ key: 'compositeThreshold', met: thrMet, blocking: strict });
  }

  const met = conditions.every((c) => c.met || !c.blocking);
  return { tier, met, conditions, unmet };
}

/** Highest tier whose every blocking condition holds (R8). */
export function referenceTierOf(results: readonly TierResult[]): TierKey | null {
  let best: TierKey | null = null;
  for (const r of results) if (r.met) best = r.tier;
  return best;
}

/** The tier whose scenario self-evaluation the composite opens (D4 §一: strictly greater). */
export function suggestedTierOf(composite: Composite, ruleset: Ruleset): TierKey | null {
  let best: TierKey | null = null;
  for (const c of ruleset.tiers) if (compositeAbove(composite, c.compositeThreshold)) best = c.tier;
  return best;
}

export const nextTierOf = (t: TierKey | null): TierKey | null => (t === null ? 'basic' : (TIER_KEYS[rank(t) + 1] ?? null));
