// The whole evaluation of one enterprise's answers: the single scoring path every adapter calls.
import { parseAnswers } from '../answers/parse.ts';
import type { Answers, RawAnswers } from '../answers/Answers.ts';
import { investmentAnswer } from '../answers/Answers.ts';
import { checkEnterprise } from '../checks/enterprise.ts';
import { checkIndicators, type IndicatorResult } from '../checks/indicators.ts';
import { checkScenarios } from '../checks/scenarios.ts';
import { FIELD, type Finding, type Unmet } from '../finding/Finding.ts';
import { makeFinding } from '../finding/make.ts';
import type { Ruleset } from '../ruleset/ruleset.ts';
import { TIER_KEYS, type StageKey, type TierKey } from '../ruleset/types.ts';
import { TIER_LABELS } from '../tier/tiers.ts';
import { compositeAbove, computeComposite, indicator7Score, type CompositeDetail } from './composite.ts';
import { evaluateTier, nextTierOf, referenceTierOf, suggestedTierOf, tallyScenarios, type TierResult } from './tiers.ts';

export interface Evaluation {
  readonly rulesetVersion: string;
  /** Unrounded mean; null unless every scored indicator is complete and valid. */
  readonly composite: number | null;
  readonly compositeDetail: CompositeDetail;
  readonly indicators: readonly IndicatorResult[];
  /** Indicator 7's score when an agency banding is configured (R1), else null. */
  readonly indicator7Score: number | null;
  readonly suggestedTier: TierKey | null;
  /** 建设场景数 per tier (R5: rated at that tier or above). */
  readonly scenarioCounts: Readonly<Record<TierKey, number>>;
  /** Scenarios rated exactly at each tier. */
  readonly scenarioRated: Readonly<Record<TierKey, number>>;
  readonly stageCoverage: Readonly<Record<TierKey, Readonly<Record<StageKey, number>>>>;
  readonly tiers: readonly TierResult[];
  readonly referenceTier: TierKey | null;
  readonly nextTier: TierKey | null;
  /** The next tier's unmet conditions, with their distance. */
  readonly unmet: readonly Unmet[];
  readonly issues: readonly Finding[];
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

export function evaluate(answers: Answers, ruleset: Ruleset, inputFindings: readonly Finding[] = []): Evaluation {
  // A cell that was filled in but could not be read is already reported; 「未填写」 on top would mislead.
  const unreadable = new Set(inputFindings.filter((f) => f.severity === 'error').map((f) => f.where.field));
  const notAlreadyReported = (f: Finding): boolean =>
    !((f.code === 'cell/required' || f.code === 'score/without-level') && unreadable.has(f.where.field));
  const ind = checkIndicators(answers, ruleset);
  const sc = checkScenarios(answers, ruleset);
  const ent = checkEnterprise(answers).filter(notAlreadyReported);

  const banding = ruleset.readings.indicator7Banding;
  const inv = investmentAnswer(answers);
  const i7 = banding ? indicator7Score(banding, inv.investmentTotal, inv.investment2024) : null;
  const composite = computeComposite(ind.results, ruleset.readings.scorePrecisionDigits, { scored: banding !== null, score: i7 });

  const tally = tallyScenarios(sc.tiers, ruleset);
  const tierInputs = { composite, tally, maturity: answers.enterprise.maturity, declarations: answers.enterprise.declarations };
  const tiers = TIER_KEYS.map((t) => evaluateTier(t, tierInputs, ruleset));
  const referenceTier = referenceTierOf(tiers);
  const nextTier = nextTierOf(referenceTier);
  const unmet = nextTier ? (tiers.find((t) => t.tier === nextTier)?.unmet ?? []) : [];

  const extra: Finding[] = [];
  if (composite.value === null && composite.detail.incomplete.length > 0) {
    extra.push(makeFinding('composite/incomplete', 'warning', { field: FIELD.composite }, { missing: composite.detail.incomplete.length, indicators: composite.detail.incomplete }));
  }
  if (referenceTier !== null && referenceTier !== 'basic') {
    const cond = ruleset.tiers.find((c) => c.tier === referenceTier);
    if (cond && !compositeAbove(composite, cond.compositeThreshold)) {
      extra.push(
        makeFinding('tier/composite-below-threshold', 'warning', { field: FIELD.referenceTier }, {
          tier: referenceTier,
          tierLabel: TIER_LABELS[referenceTier],
          threshold: cond.compositeThreshold,
          composite: composite.value === null ? null : Math.round(composite.value * 100) / 100,
        }),
      );
    }
  }

  const issues = [...inputFindings, ...ent, ...ind.findings.filter(notAlreadyReported), ...sc.findings, ...extra].sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );

  return {
    rulesetVersion: ruleset.version,
    composite: composite.value,
    compositeDetail: composite.detail,
    indicators: ind.results,
    indicator7Score: i7,
    suggestedTier: suggestedTierOf(composite, ruleset),
    scenarioCounts: tally.counts,
    scenarioRated: tally.rated,
    stageCoverage: tally.stages,
    tiers,
    referenceTier,
    nextTier,
    unmet,
    issues,
  };
}

/** Raw input → answers → evaluation, with the normalisation findings among the issues. */
export function evaluateRaw(raw: RawAnswers, ruleset: Ruleset): { answers: Answers; evaluation: Evaluation } {
  const { answers, findings } = parseAnswers(raw, { normaliseText: ruleset.readings.normaliseText });
  return { answers, evaluation: evaluate(answers, ruleset, findings) };
}
