// 表3 企业等级自主打分参考表, as printed: level 1 scores exactly 0; level 2 excludes 0; every band excludes
// its upper end (so 100 is not a valid score).
import type { FitBand, FitKey, Interval, LevelBand, LevelNumber } from '../ruleset/types.ts';

export const FIT_LABELS: Readonly<Record<FitKey, string>> = {
  basic: '基本符合',
  good: '比较符合',
  full: '非常符合',
};

const closedOpen = (min: number, max: number): Interval => ({ min, max, minOpen: false, maxOpen: true });

function fitsOf(level: LevelNumber, lo: number): FitBand[] {
  const step = 7;
  const first = level === 2 ? { ...closedOpen(lo, lo + step), minOpen: true } : closedOpen(lo, lo + step);
  return [
    { ...first, fit: 'basic', label: FIT_LABELS.basic },
    { ...closedOpen(lo + step, lo + 2 * step), fit: 'good', label: FIT_LABELS.good },
    { ...closedOpen(lo + 2 * step, lo + 20), fit: 'full', label: FIT_LABELS.full },
  ];
}

export const LEVEL_BANDS: readonly LevelBand[] = [
  { level: 1, band: { min: 0, max: 0, minOpen: false, maxOpen: false }, fits: [] },
  { level: 2, band: { min: 0, max: 20, minOpen: true, maxOpen: true }, fits: fitsOf(2, 0) },
  { level: 3, band: closedOpen(20, 40), fits: fitsOf(3, 20) },
  { level: 4, band: closedOpen(40, 60), fits: fitsOf(4, 40) },
  { level: 5, band: closedOpen(60, 80), fits: fitsOf(5, 60) },
  { level: 6, band: closedOpen(80, 100), fits: fitsOf(6, 80) },
];

export function bandOf(level: LevelNumber): LevelBand {
  const band = LEVEL_BANDS[level - 1];
  if (!band) throw new RangeError(`no band for level ${level}`);
  return band;
}

export function inInterval(x: number, i: Interval): boolean {
  if (!Number.isFinite(x)) return false;
  const aboveMin = i.minOpen ? x > i.min : x >= i.min;
  const belowMax = i.maxOpen ? x < i.max : x <= i.max;
  return aboveMin && belowMax;
}

/** Interval as printed, e.g. 「(0, 20)」 or 「[20, 40)」; a point interval prints as the number. */
export function formatInterval(i: Interval): string {
  if (i.min === i.max && !i.minOpen && !i.maxOpen) return String(i.min);
  return `${i.minOpen ? '(' : '['}${i.min}, ${i.max}${i.maxOpen ? ')' : ']'}`;
}

/** Which level's band holds this score (null if none: negative, ≥100, not finite). */
export function levelForScore(score: number): LevelNumber | null {
  for (const b of LEVEL_BANDS) if (inInterval(score, b.band)) return b.level;
  return null;
}

/** The fit sub-band of a score inside a level's band; null when outside it or for level 1. */
export function fitFor(level: LevelNumber, score: number): FitBand | null {
  return bandOf(level).fits.find((f) => inInterval(score, f)) ?? null;
}
