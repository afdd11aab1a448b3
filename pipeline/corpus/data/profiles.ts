// How a typical Jiangsu manufacturer's answers lean, as data for the answer generator. Offsets are in score
// points around the enterprise's latent maturity; propensities are in logits around its scenario count.
import type { StageKey } from '../../../core/index.ts';

/** Composite centre and spread: most composites land in 40–75 (R: "most at 基础级 or below"). */
export const COMPOSITE_MEAN = 53;
export const COMPOSITE_SD = 11;
/** Above this z the centre grows quadratically (benchmark firms pull away from the rest). */
export const TOP_TAIL_FROM_Z = 1.6;
export const TOP_TAIL_CURVE = 6;
/** Spread of one indicator around the enterprise's centre. */
export const INDICATOR_SD = 8;

/** Per-indicator lean: shop-floor and network indicators score higher, data and R&D lower. */
export const INDICATOR_OFFSETS: Readonly<Record<number, number>> = {
  1: -3, 2: 4, 3: 2, 4: 3, 5: -1, 6: -4, 8: 5, 9: -6, 10: 0,
};

/** Share answering 「不涉及此环节」 where it is allowed (contract manufacturers without own R&D or sales). */
export const NA_SHARE: Readonly<Record<number, number>> = { 1: 0.07, 5: 0.05, 6: 0.04 };

/** Share of scores typed with one decimal, and with a half point. */
export const DECIMAL_SHARE = 0.2;
export const HALF_SHARE = 0.08;

/** The latent z above which an enterprise aims at each tier (normal quantiles: ~35%, ~12%, ~3%, ~0.7%). */
export const TIER_AIM_Z: readonly number[] = [0.38, 1.18, 1.9, 2.45];

/** Scenarios built (out of 40) by the tier an enterprise aims at: none, 基础, 先进, 卓越, 领航. */
export const SCENARIOS_BUILT_BY_AIM: readonly number[] = [4, 11, 21, 27, 33];

/**
 * By aim (index as above), how many tiers below the aimed tier a built scenario stays, with weights: the
 * higher the aim, the more uniformly an enterprise has built to it.
 */
export const TIER_DROP: readonly (readonly (readonly [number, number])[])[] = [
  [[0, 1]],
  [[0, 1]],
  [[0, 0.85], [1, 0.15]],
  [[0, 0.85], [1, 0.12], [2, 0.03]],
  [[0, 0.88], [1, 0.1], [2, 0.02]],
];

/** Stages enterprises build first: the shop floor, then management. */
export const STAGE_PROPENSITY: Readonly<Record<StageKey, number>> = {
  production: 1.2, management: 0.4, operations: -0.1, rnd: -0.3, factory: -0.4,
};

/** Relative amount (万元) of digital investment since 2014 by scale. */
export const INVESTMENT_BASE: Readonly<Record<string, number>> = { 大型企业: 3000, 中型企业: 800, 小型企业: 200, 微型企业: 50 };

/** Shares answering 「是」 to each declaration. */
export const DECLARATION_YES = { scale: 0.96, compliance: 0.985, secure: 0.96, organization: 0.9 } as const;
