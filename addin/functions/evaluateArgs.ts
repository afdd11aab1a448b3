// The functions over ranges build a partial RawAnswers from their arguments and run the core's single
// scoring path on it, so a worksheet formula and the pane can never disagree.
import { FIELD, RULESET_2025, TIER_LABELS, evaluateRaw, type Evaluation, type RawAnswers, type TierKey } from '../../core/index.ts';
import { cell, declarationsFromRange, levelledFromRanges, rejectUnreadable, scenarioTiersFromRange } from './args.ts';
import { notAvailable } from './errors.ts';

export interface RangeArgs {
  readonly levels?: unknown;
  readonly scores?: unknown;
  readonly tiers?: unknown;
  readonly maturity?: unknown;
  readonly declarations?: unknown;
}

const isIndicatorField = (f: string): boolean => /^SFE_I\d\d_(LEVEL|SCORE)$/.test(f);
const isTierField = (f: string): boolean => /^SFE_S\d\d_TIER$/.test(f);
const isDeclarationField = (f: string): boolean => f.startsWith('SFE_DECL_');

export function evaluateArgs(args: RangeArgs): Evaluation {
  const raw: RawAnswers = {
    enterprise: {
      maturity: args.maturity === undefined ? null : cell(args.maturity, '智能制造能力成熟度'),
      declarations: args.declarations === undefined ? {} : declarationsFromRange(args.declarations),
    },
    indicators: args.levels === undefined ? [] : levelledFromRanges(args.levels, args.scores),
    scenarios: args.tiers === undefined ? [] : scenarioTiersFromRange(args.tiers),
  };
  const { evaluation } = evaluateRaw(raw, RULESET_2025);
  rejectUnreadable(evaluation.issues, (f) => isIndicatorField(f) || isTierField(f) || isDeclarationField(f) || f === FIELD.maturity);
  return evaluation;
}

/** #N/A with the core's reason (and the first indicator problem) while the composite cannot be computed. */
export function requireComposite(e: Evaluation): number {
  if (e.composite !== null) return e.composite;
  const why = e.issues.find((f) => f.code === 'composite/incomplete');
  const first = e.issues.find((f) => f.severity === 'error' && f.where.indicator !== undefined);
  throw notAvailable([why?.message ?? '综合得分暂无法计算。', first?.message].filter(Boolean).join(' '));
}

/** A tier as the workbook writes it; 「无」 for none (the core reads 「无」 back as "no tier"). */
export const tierText = (t: TierKey | null): string => (t === null ? '无' : TIER_LABELS[t]);
