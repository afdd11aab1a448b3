// The composite score (D3): the mean of the applicable, scored indicators (最终综合得分 = 其他问题的综合得分 /
// 其他问题的总分). Sums are kept as integers at the Reading's precision so threshold comparisons are exact (R3).
import type { Indicator7Banding } from '../ruleset/readings.ts';
import type { Interval } from '../ruleset/types.ts';
import type { IndicatorResult } from '../checks/indicators.ts';

export interface CompositeDetail {
  /** Ids of the indicators that count, in order. */
  readonly scored: readonly number[];
  /** Ids chosen 「不涉及此环节」. */
  readonly na: readonly number[];
  /** Ids missing or invalid: while any, the composite is null. */
  readonly incomplete: readonly number[];
  /** Σ round(score × 10^digits). */
  readonly sumScaled: number;
  readonly scale: number;
}

export interface Composite {
  readonly value: number | null;
  readonly detail: CompositeDetail;
}

/** Indicator 7's score under an agency banding; null if the amount is missing or negative (an error). */
export function indicator7Score(banding: Indicator7Banding, total: number | null, y2024: number | null): number | null {
  const amount = banding.basis === 'total' ? total : y2024;
  if (amount === null || amount < 0) return null;
  let score = 0;
  for (const step of banding.steps) if (amount >= step.atLeast) score = step.score;
  return score;
}

/** Every score lies in [0, 100) (表3: 100 is not a valid score). */
const SCORE_RANGE: Interval = { min: 0, max: 100, minOpen: false, maxOpen: true };

/**
 * round(score × scale), kept inside the score's band: rounding alone would turn 99.9999999 into 100 and
 * 0.0000001 (level 2, above 0) into 0, so a valid score would count as one its band excludes.
 */
function scaledInBand(score: number, band: Interval, scale: number): number {
  const lo = Math.round(band.min * scale) + (band.minOpen ? 1 : 0);
  const hi = Math.round(band.max * scale) - (band.maxOpen ? 1 : 0);
  return Math.min(hi, Math.max(lo, Math.round(score * scale)));
}

export function computeComposite(
  results: readonly IndicatorResult[],
  digits: number,
  indicator7: { readonly scored: boolean; readonly score: number | null },
): Composite {
  const scale = 10 ** digits;
  const scored: number[] = [];
  const na: number[] = [];
  const incomplete: number[] = [];
  let sumScaled = 0;
  const add = (id: number, score: number, band: Interval): void => {
    scored.push(id);
    sumScaled += scaledInBand(score, band, scale);
  };
  for (const r of results) {
    if (!r.valid) incomplete.push(r.id);
    else if (r.level === 'NA') na.push(r.id);
    else if (r.score !== null) add(r.id, r.score, r.band ?? SCORE_RANGE);
  }
  if (indicator7.scored) {
    if (indicator7.score === null) incomplete.push(7);
    else add(7, indicator7.score, SCORE_RANGE);
  }
  scored.sort((a, b) => a - b);
  incomplete.sort((a, b) => a - b);
  const detail = { scored, na, incomplete, sumScaled, scale };
  const value = incomplete.length > 0 || scored.length === 0 ? null : sumScaled / (scale * scored.length);
  return { value, detail };
}

/** composite > threshold, decided on integers. */
export function compositeAbove(c: Composite, threshold: number): boolean {
  if (c.value === null) return false;
  const { sumScaled, scale, scored } = c.detail;
  return sumScaled > Math.round(threshold * scale) * scored.length;
}

/** How far the composite is below (or at) a threshold, rounded for display. */
export function compositeGap(c: Composite, threshold: number): number | null {
  return c.value === null ? null : Math.round((threshold - c.value) * 100) / 100;
}
