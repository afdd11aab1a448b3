// 表3 band edges and fit sub-bands, against an independent statement of the printed table.
import { describe, expect, it } from 'vitest';
import {
  FIT_LABELS,
  RULESET_2025,
  bandOf,
  checkLevelScore,
  evaluateRaw,
  fitFor,
  formatInterval,
  levelForScore,
  parseAnswers,
  type FitKey,
  type LevelNumber,
} from '../../core/index.ts';
import { answers, levelFor, levelHolds } from './support/build.ts';

const LEVELS: readonly LevelNumber[] = [1, 2, 3, 4, 5, 6];

/** Fit sub-band by the offset inside the level's band: [+0, +7) 基本, [+7, +14) 比较, [+14, +20) 非常. */
function expectedFit(level: number, score: number): FitKey | null {
  if (level === 1 || !levelHolds(level, score)) return null;
  const offset = score - 20 * (level - 2);
  return offset < 7 ? 'basic' : offset < 14 ? 'good' : 'full';
}

const EDGES = [
  0, 0.0001, 6.9999, 7, 13.9999, 14, 19.99, 19.9999, 20, 26.99, 27, 33.99, 34, 39.99, 40, 47, 54, 59.99, 60, 67, 74, 79.99,
  80, 86.99, 87, 93.99, 94, 99.99, 99.9999, 100, 100.0001, -0.0001, -5, NaN, Infinity, -Infinity,
];

describe('score bands (表3)', () => {
  it.each(LEVELS.flatMap((level) => EDGES.map((score) => [level, score] as const)))(
    'level %i, score %d: valid exactly when inside the printed band, with the right fit',
    (level, score) => {
      const { result, findings } = checkLevelScore(2, level, score, false);
      const valid = levelHolds(level, score);
      expect(result.valid).toBe(valid);
      if (valid) {
        expect(findings).toEqual([]);
        expect(result.fit).toBe(expectedFit(level, score));
      } else {
        expect(findings.map((f) => f.code)).toEqual(['score/out-of-band']);
        const lo = level === 1 ? 0 : 20 * (level - 2);
        const hi = level === 1 ? 0 : lo + 20;
        expect(findings[0]?.params).toMatchObject({
          indicator: 2,
          level,
          min: lo,
          max: hi,
          minOpen: level === 2,
          maxOpen: level !== 1,
        });
        expect(findings[0]?.where).toEqual({ field: 'SFE_I02_SCORE', indicator: 2 });
      }
    },
  );

  it('level 1 is exactly 0, and 0 belongs to no other level', () => {
    expect(checkLevelScore(3, 1, 0, false).result.valid).toBe(true);
    expect(checkLevelScore(3, 1, 0.0001, false).result.valid).toBe(false);
    expect(checkLevelScore(3, 2, 0, false).result.valid).toBe(false);
    expect(checkLevelScore(3, 2, 0.0001, false).result.fit).toBe('basic');
    expect(levelForScore(0)).toBe(1);
    expect(levelForScore(0.0001)).toBe(2);
  });

  it('100 is valid at no level; 99.99 is 非常符合 at level 6', () => {
    for (const l of LEVELS) expect(checkLevelScore(4, l, 100, false).result.valid).toBe(false);
    expect(levelForScore(100)).toBeNull();
    expect(fitFor(6, 99.99)?.label).toBe('非常符合');
  });

  it('upper ends are open: 20, 40, 60, 80 start the next level', () => {
    for (const edge of [20, 40, 60, 80]) {
      const l = levelFor(edge);
      expect(levelForScore(edge)).toBe(l);
      expect(checkLevelScore(4, (l - 1) as LevelNumber, edge, false).result.valid).toBe(false);
      expect(fitFor(l as LevelNumber, edge)?.fit).toBe('basic');
    }
  });

  it('negative, NaN and infinite scores are outside every band', () => {
    for (const x of [-0.0001, -5, NaN, Infinity, -Infinity]) expect(levelForScore(x)).toBeNull();
  });

  it('labels the three fit sub-bands 基本符合 / 比较符合 / 非常符合', () => {
    expect(FIT_LABELS).toEqual({ basic: '基本符合', good: '比较符合', full: '非常符合' });
    for (const l of LEVELS.slice(1)) {
      const lo = 20 * (l - 2);
      expect(fitFor(l, lo + 6.99)?.label).toBe('基本符合');
      expect(fitFor(l, lo + 7)?.label).toBe('比较符合');
      expect(fitFor(l, lo + 13.99)?.label).toBe('比较符合');
      expect(fitFor(l, lo + 14)?.label).toBe('非常符合');
      expect(fitFor(l, lo + 19.99)?.label).toBe('非常符合');
    }
  });

  it('prints the intervals as in 表3', () => {
    expect(LEVELS.map((l) => formatInterval(bandOf(l).band))).toEqual(['0', '(0, 20)', '[20, 40)', '[40, 60)', '[60, 80)', '[80, 100)']);
    expect(bandOf(2).fits.map((f) => formatInterval(f))).toEqual(['(0, 7)', '[7, 14)', '[14, 20)']);
    expect(bandOf(6).fits.map((f) => formatInterval(f))).toEqual(['[80, 87)', '[87, 94)', '[94, 100)']);
    expect(RULESET_2025.bands).toHaveLength(6);
  });
});

describe('band checks through the evaluation', () => {
  it('an out-of-band score is an error on its score cell and leaves the composite uncomputed', () => {
    const raw = answers();
    const ind = raw.indicators?.map((i) => (i.id === 2 ? { id: 2, level: 6, score: 100 } : i));
    const out = evaluateRaw({ ...raw, indicators: ind }, RULESET_2025).evaluation;
    expect(out.composite).toBeNull();
    expect(out.issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.where.field])).toEqual([['score/out-of-band', 'SFE_I02_SCORE']]);
    expect(out.issues.find((i) => i.code === 'composite/incomplete')?.params).toEqual({ missing: 1, indicators: [2] });
  });

  it('a level without a score, and a score without a level, are errors', () => {
    const raw = answers();
    const ind = raw.indicators?.map((i) =>
      i.id === 3 ? { id: 3, level: 4, score: null } : i.id === 4 ? { id: 4, level: null, score: 50 } : i,
    );
    const out = evaluateRaw({ ...raw, indicators: ind }, RULESET_2025).evaluation;
    const byCode = Object.fromEntries(out.issues.map((i) => [i.code, i]));
    expect(byCode['score/missing']?.params).toMatchObject({ indicator: 3, level: 4, min: 40, max: 60, minOpen: false, maxOpen: true });
    expect(byCode['score/without-level']?.params).toMatchObject({ indicator: 4, score: 50 });
    expect(out.compositeDetail.incomplete).toEqual([3, 4]);
  });

  it('NaN cannot arrive as a score: it is unreadable', () => {
    const raw = answers();
    const ind = raw.indicators?.map((i) => (i.id === 8 ? { id: 8, level: 3, score: Number.NaN } : i.id === 9 ? { id: 9, level: 3, score: 'NaN' } : i));
    const { findings, answers: a } = parseAnswers({ ...raw, indicators: ind });
    expect(findings.filter((f) => f.code === 'input/unreadable').map((f) => f.where.field)).toEqual(['SFE_I08_SCORE', 'SFE_I09_SCORE']);
    expect(a.indicators.find((i) => i.id === 8)).toMatchObject({ score: null });
  });
});
