// Every SFE worksheet function on normal, edge and invalid arguments, against the core (and, where the
// rule is a plain statement of RULES.md, against that statement).
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  FIELD,
  FIT_LABELS,
  INDICATORS,
  INDICATOR_IDS_LEVELLED,
  LEVEL_BANDS,
  MISSING_TEXT,
  RULESET_2025,
  SCENARIOS,
  STAGE_KEYS,
  TIER_KEYS,
  TIER_LABELS,
  checkLevelScore,
  evaluateRaw,
  fitFor,
  formatInterval,
  rawAnswersFromFields,
  usccCheckChar,
  withCheckChar,
  type LevelNumber,
  type TierKey,
} from '../../core/index.ts';
import { composite, suggestedTier } from '../../addin/functions/composite.ts';
import { band, check, fit, levelText } from '../../addin/functions/indicators.ts';
import { scenarioCheck, scenarioCounts, stageCounts, tierText } from '../../addin/functions/scenarios.ts';
import { nextTierUnmet, referenceTier } from '../../addin/functions/tiers.ts';
import { uscc } from '../../addin/functions/uscc.ts';
import { excelError, installCustomFunctions } from './support/customFunctions.ts';
import { filledFields } from './support/fixtures.ts';

beforeAll(() => {
  installCustomFunctions();
});

const column = (xs: readonly unknown[]): unknown[][] => xs.map((x) => [x]);
const VALUE = '#VALUE!';
const NA = '#N/A';

/** The ranges a workbook would pass: levels, scores, tiers, maturity, declarations. */
function rangesOf(fields: Map<string, string | number | null>) {
  return {
    levels: column(INDICATOR_IDS_LEVELLED.map((id) => fields.get(FIELD.level(id)) ?? '')),
    scores: column(INDICATOR_IDS_LEVELLED.map((id) => fields.get(FIELD.score(id)) ?? '')),
    tiers: column(SCENARIOS.map((s) => fields.get(FIELD.tier(s.id)) ?? '')),
    maturity: fields.get(FIELD.maturity) ?? '',
    declarations: column(['SCALE', 'COMPLIANCE', 'SECURE', 'ORGANIZATION'].map((k) => fields.get(`SFE_DECL_${k}`) ?? '')),
  };
}
const coreOf = (fields: Map<string, string | number | null>) => evaluateRaw(rawAnswersFromFields((n) => fields.get(n) ?? null), RULESET_2025).evaluation;

describe('SFE.BAND', () => {
  it('gives 表3 band of each level, also for text forms of the level', () => {
    for (const b of LEVEL_BANDS) {
      expect(band(b.level)).toBe(formatInterval(b.band));
      expect(band(`${b.level}级`)).toBe(formatInterval(b.band));
    }
    expect(band(1)).toBe('0');
    expect(band(2)).toBe('(0, 20)');
    expect(band(6)).toBe('[80, 100)');
  });
  it('raises #N/A for 不涉及此环节 and #VALUE! for non-levels', () => {
    expect(excelError(() => band('不涉及此环节')).code).toBe(NA);
    for (const bad of [0, 7, 2.5, 'abc', '', null]) expect(excelError(() => band(bad)).code).toBe(VALUE);
    expect(excelError(() => band([[1, 2]])).code).toBe(VALUE);
  });
});

describe('SFE.FIT', () => {
  it('agrees with the core at the edges and inside every sub-band', () => {
    for (const b of LEVEL_BANDS.filter((x) => x.level > 1)) {
      for (const f of b.fits) {
        const samples = [f.minOpen ? f.min + 0.001 : f.min, (f.min + f.max) / 2, f.max - 0.001];
        for (const s of samples) expect(fit(b.level, s)).toBe(FIT_LABELS[fitFor(b.level, s)?.fit ?? 'basic']);
      }
    }
  });
  it('follows RULES.md 表3 at its printed boundaries', () => {
    expect(fit(2, 6.99)).toBe('基本符合');
    expect(fit(2, 7)).toBe('比较符合');
    expect(fit(3, 34)).toBe('非常符合');
    expect(fit(6, 99.5)).toBe('非常符合');
    expect(fit(1, 0)).toBe('');
  });
  it('raises #VALUE! for a score outside the band, blank or unreadable, and #N/A for N/A', () => {
    for (const [l, s] of [[2, 0], [3, 40], [6, 100], [1, 5], [4, -1]] as const) expect(excelError(() => fit(l, s)).code).toBe(VALUE);
    expect(excelError(() => fit(3, '')).code).toBe(VALUE);
    expect(excelError(() => fit(3, 'abc')).code).toBe(VALUE);
    expect(excelError(() => fit('不涉及此环节', 10)).code).toBe(NA);
    expect(fit(3, '25分')).toBe('基本符合');
  });
});

describe('SFE.CHECK', () => {
  it('is empty for valid answers and the core message otherwise, for every levelled indicator', () => {
    const cases: [LevelNumber | 'NA' | null, number | null][] = [[3, 25], [1, 0], [2, 0], [4, 60], [null, 30], [5, null], ['NA', null], ['NA', 12], [null, null]];
    for (const id of INDICATOR_IDS_LEVELLED) {
      const ind = INDICATORS.find((i) => i.id === id);
      const naAllowed = ind?.kind === 'levelled' && ind.naAllowed;
      for (const [level, score] of cases) {
        const expected = checkLevelScore(id, level, score, naAllowed).findings.map((f) => f.message).join(' ');
        expect(check(id, level === 'NA' ? '不涉及此环节' : (level ?? ''), score ?? '')).toBe(expected);
      }
    }
    expect(check(2, 3, 25)).toBe('');
    expect(check(2, '不涉及此环节', '')).toContain('不可选择');
    expect(check(1, '不涉及此环节', '')).toBe('');
  });
  it('reports normalised text as the core does', () => {
    expect(check(3, '3级', '25分')).toContain('已按');
  });
  it('raises #VALUE! for indicator 7 or an unknown indicator', () => {
    for (const bad of [7, 0, 11, 'x', '', 1.5]) expect(excelError(() => check(bad, 3, 25)).code).toBe(VALUE);
  });
});

describe('SFE.LEVELTEXT', () => {
  it('returns the official text, MISSING_TEXT where the seed lost it, and 不涉及此环节 where allowed', () => {
    for (const ind of INDICATORS) {
      if (ind.kind !== 'levelled') continue;
      ind.levels.forEach((t, i) => expect(levelText(ind.id, i + 1)).toBe(t ?? MISSING_TEXT));
    }
    expect(levelText(2, 4)).toBe(MISSING_TEXT);
    expect(levelText(1, '不涉及此环节')).toBe('不涉及此环节');
  });
  it('raises #VALUE! for N/A where not allowed, indicator 7 and bad levels', () => {
    expect(excelError(() => levelText(2, '不涉及此环节')).code).toBe(VALUE);
    expect(excelError(() => levelText(7, 1)).code).toBe(VALUE);
    expect(excelError(() => levelText(3, 9)).code).toBe(VALUE);
  });
});

const levelScore = fc.oneof(
  fc.constantFrom<[unknown, unknown]>(['不涉及此环节', '']),
  fc.integer({ min: 2, max: 6 }).chain((l) => {
    const b = LEVEL_BANDS[l - 1]?.band ?? { min: 0, max: 1 };
    return fc.integer({ min: Math.ceil(b.min * 100) + 1, max: b.max * 100 - 1 }).map((s): [unknown, unknown] => [l, s / 100]);
  }),
);

describe('SFE.COMPOSITE and SFE.SUGGESTEDTIER', () => {
  it('equal the core on random complete answers, with N/A redistributed', () => {
    fc.assert(
      fc.property(fc.array(levelScore, { minLength: 9, maxLength: 9 }), (pairs) => {
        // Indicators 2, 3, 4, 8, 9, 10 never allow N/A: give them a level instead.
        const fixed = pairs.map(([l, s], i): [unknown, unknown] => ([0, 4, 5].includes(i) || l !== '不涉及此环节' ? [l, s] : [3, 30]));
        if (fixed.every(([l]) => l === '不涉及此环节')) return;
        const raw = { indicators: INDICATOR_IDS_LEVELLED.map((id, i) => ({ id, level: fixed[i]?.[0] as string | number, score: fixed[i]?.[1] as string | number })) };
        const e = evaluateRaw(raw, RULESET_2025).evaluation;
        const levels = column(fixed.map((p) => p[0]));
        const scores = column(fixed.map((p) => p[1]));
        const scored = fixed.filter(([l]) => l !== '不涉及此环节').map(([, s]) => Number(s));
        const mean = scored.reduce((a, b) => a + b, 0) / scored.length;
        expect(composite(levels, scores)).toBe(e.composite);
        expect(composite(levels, scores)).toBeCloseTo(mean, 9);
        expect(suggestedTier(levels, scores)).toBe(e.suggestedTier === null ? '无' : TIER_LABELS[e.suggestedTier]);
      }),
      { numRuns: 150 },
    );
  });
  it('accept a row, a 3×3 block and a 10-cell range with indicator 7 in it alike', () => {
    const l = [6, 5, 5, 5, '不涉及此环节', 5, 4, 6, 6];
    const s = [88, 72, 74, 68, '', 70, 58, 82, 86];
    const expected = 598 / 8;
    expect(composite(column(l), column(s))).toBe(expected);
    expect(composite([l], [s])).toBe(expected);
    expect(composite([l.slice(0, 3), l.slice(3, 6), l.slice(6)], [s.slice(0, 3), s.slice(3, 6), s.slice(6)])).toBe(expected);
    const l10 = [...l.slice(0, 6), '万元', ...l.slice(6)];
    const s10 = [...s.slice(0, 6), 1200, ...s.slice(6)];
    expect(composite(column(l10), column(s10))).toBe(expected);
  });
  it('decide thresholds exactly (Reading R3): a mean of exactly 90 is not above 90', () => {
    const l = column(Array(9).fill(6));
    const s = column([90.1, 89.9, 90.3, 89.7, 90, 90.2, 89.8, 90.05, 89.95]);
    expect(suggestedTier(l, s)).toBe('卓越级');
    expect(suggestedTier(column(Array(9).fill(6)), column([...Array(8).fill(90), 90.000001]))).toBe('领航级');
    expect(suggestedTier(column(Array(9).fill(4)), column(Array(9).fill(50)))).toBe('无');
  });
  it('raise #N/A while incomplete and #VALUE! for wrong sizes or unreadable cells', () => {
    const l = column([6, 5, 5, 5, 3, 5, 4, 6, '']);
    const s = column([88, 72, 74, 68, 30, 70, 58, 82, '']);
    expect(excelError(() => composite(l, s))).toMatchObject({ code: NA });
    expect(excelError(() => composite(l, s)).message).toContain('综合得分暂无法计算');
    expect(excelError(() => composite(column([3, 3, 3, 3, 3, 3, 3, 3, 3]), column([25, 25, 25, 25, 25, 25, 25, 25, 45]))).code).toBe(NA);
    expect(excelError(() => suggestedTier(l, s)).code).toBe(NA);
    expect(excelError(() => composite(column([1, 2]), column([0, 5]))).code).toBe(VALUE);
    expect(excelError(() => composite(column(Array(9).fill(3)), column(Array(8).fill(25)))).code).toBe(VALUE);
    expect(excelError(() => composite(column([...Array(8).fill(3), 'abc']), column(Array(9).fill(25)))).code).toBe(VALUE);
  });
});

const tierCell = fc.constantFrom('', '基础级', '先进级', '卓越级', '领航级');

describe('SFE.SCENARIOCOUNTS, SFE.STAGECOUNTS, SFE.SCENARIOCHECK, SFE.TIERTEXT', () => {
  it('count as the core does, and as RULES.md §3 states (rated ≥ tier, 「/」 tiers count nowhere)', () => {
    fc.assert(
      fc.property(fc.array(tierCell, { minLength: 40, maxLength: 40 }), (cells) => {
        const e = evaluateRaw({ scenarios: cells.map((tier, i) => ({ id: i + 1, tier })) }, RULESET_2025).evaluation;
        const got = scenarioCounts(column(cells));
        expect(got).toEqual([TIER_KEYS.map((t) => e.scenarioCounts[t])]);
        const key = (c: string): TierKey | null => (TIER_KEYS.find((t) => TIER_LABELS[t] === c) ?? null);
        const independent = TIER_KEYS.map((t) =>
          cells.filter((c, i) => {
            const k = key(c);
            return k !== null && SCENARIOS[i]?.tiers[k].has === true && TIER_KEYS.indexOf(k) >= TIER_KEYS.indexOf(t);
          }).length,
        );
        expect(got[0]).toEqual(independent);
        for (const t of TIER_KEYS) expect(stageCounts(column(cells), TIER_LABELS[t])).toEqual([STAGE_KEYS.map((st) => e.stageCoverage[t][st])]);
      }),
      { numRuns: 60 },
    );
  });
  it('take an 8×5 block like a column and reject wrong sizes, unreadable tiers and bad tier arguments', () => {
    const cells = Array.from({ length: 40 }, (_, i) => (i % 3 === 0 ? '先进级' : ''));
    const block = Array.from({ length: 8 }, (_, r) => cells.slice(r * 5, r * 5 + 5));
    expect(scenarioCounts(block)).toEqual(scenarioCounts(column(cells)));
    expect(excelError(() => scenarioCounts(column(cells.slice(1)))).code).toBe(VALUE);
    expect(excelError(() => scenarioCounts(column([...cells.slice(1), '很好']))).code).toBe(VALUE);
    expect(excelError(() => stageCounts(column(cells), '无')).code).toBe(VALUE);
    expect(excelError(() => stageCounts(column(cells), 'abc')).code).toBe(VALUE);
  });
  it('SCENARIOCHECK gives the core message for a 「/」 tier, by number, name or D1 alias', () => {
    const e = evaluateRaw({ scenarios: [{ id: 1, tier: '基础级' }] }, RULESET_2025).evaluation;
    const f = e.issues.find((x) => x.where.scenario === 1);
    expect(f?.code).toBe('scenario/tier-without-description');
    expect(scenarioCheck(1, '基础级')).toBe(f?.message);
    expect(scenarioCheck('工厂数字化设计与交付', '基础级')).toBe(f?.message);
    expect(scenarioCheck(1, '先进级')).toBe('');
    expect(scenarioCheck(1, '')).toBe('');
    const s10 = SCENARIOS.find((s) => s.id === 10);
    expect(s10?.aliases.length).toBeGreaterThan(0);
    expect(scenarioCheck(s10?.aliases[0], '领航级')).toBe(scenarioCheck(10, '领航级'));
    expect(scenarioCheck(3, '很好')).toContain('无法识别');
    for (const bad of [0, 41, '不存在的场景', 2.5]) expect(excelError(() => scenarioCheck(bad, '基础级')).code).toBe(VALUE);
  });
  it('TIERTEXT returns the description, 「/」 where the table has none, and rejects bad tiers', () => {
    for (const s of SCENARIOS) {
      for (const t of TIER_KEYS) {
        const d = s.tiers[t];
        expect(tierText(s.id, TIER_LABELS[t])).toBe(d.has ? (d.text ?? MISSING_TEXT) : '/');
      }
    }
    expect(tierText(1, '基础级')).toBe('/');
    for (const bad of ['', '无', 'abc']) expect(excelError(() => tierText(3, bad)).code).toBe(VALUE);
  });
});

describe('SFE.REFERENCETIER and SFE.NEXTTIERUNMET', () => {
  it('equal the core on a filled workbook', () => {
    const f = filledFields();
    const r = rangesOf(f);
    const e = coreOf(f);
    expect(referenceTier(r.levels, r.scores, r.tiers, r.maturity, r.declarations)).toBe(e.referenceTier ? TIER_LABELS[e.referenceTier] : '无');
    expect(e.referenceTier).toBe('advanced');
    const text = nextTierUnmet(r.levels, r.scores, r.tiers, r.maturity, r.declarations);
    expect(text.startsWith('卓越级：')).toBe(true);
    for (const u of e.unmet) expect(text).toContain(u.message);
  });
  it('say 「无」 when a declaration is 否, and that nothing is above 领航级', () => {
    const f = filledFields();
    f.set('SFE_DECL_SECURE', '否');
    const r = rangesOf(f);
    expect(referenceTier(r.levels, r.scores, r.tiers, r.maturity, r.declarations)).toBe('无');
    expect(nextTierUnmet(r.levels, r.scores, r.tiers, r.maturity, r.declarations)).toContain('基础要求第3条');

    const top = filledFields();
    for (const id of INDICATOR_IDS_LEVELLED) {
      top.set(FIELD.level(id), 6);
      top.set(FIELD.score(id), 95);
    }
    for (const s of SCENARIOS) {
      const t = [...TIER_KEYS].reverse().find((k) => s.tiers[k].has);
      top.set(FIELD.tier(s.id), t ? TIER_LABELS[t] : '');
    }
    top.set(FIELD.maturity, '五级');
    const rt = rangesOf(top);
    expect(coreOf(top).referenceTier).toBe('leading');
    expect(referenceTier(rt.levels, rt.scores, rt.tiers, rt.maturity, rt.declarations)).toBe('领航级');
    expect(nextTierUnmet(rt.levels, rt.scores, rt.tiers, rt.maturity, rt.declarations)).toContain('没有更高等级');
  });
  it('raise #N/A while the composite is incomplete and #VALUE! for bad ranges or maturity', () => {
    const f = filledFields();
    f.set(FIELD.score(2), '');
    const r = rangesOf(f);
    expect(excelError(() => referenceTier(r.levels, r.scores, r.tiers, r.maturity, r.declarations)).code).toBe(NA);
    expect(nextTierUnmet(r.levels, r.scores, r.tiers, r.maturity, r.declarations)).toContain('尚未算出');
    const g = rangesOf(filledFields());
    expect(excelError(() => referenceTier(g.levels, g.scores, g.tiers, g.maturity, g.declarations.slice(1))).code).toBe(VALUE);
    expect(excelError(() => referenceTier(g.levels, g.scores, g.tiers, '很高', g.declarations)).code).toBe(VALUE);
    expect(excelError(() => nextTierUnmet(g.levels, g.scores, g.tiers.slice(2), g.maturity, g.declarations)).code).toBe(VALUE);
    expect(excelError(() => nextTierUnmet(g.levels, g.scores, g.tiers, g.maturity, column(['是', '是', '也许', '是']))).code).toBe(VALUE);
  });
});

describe('SFE.USCC', () => {
  const good = withCheckChar('91320583MA1Q2W3E4');
  it('is empty for a valid code and gives the core message for each kind of problem', () => {
    expect(uscc(good)).toBe('');
    expect(uscc(good, '苏州市')).toBe('');
    const wrong = good.slice(0, 17) + (good.endsWith('0') ? '1' : '0');
    expect(uscc(wrong)).toContain(`第18位应为「${usccCheckChar(good.slice(0, 17))}」`);
    const core = evaluateRaw({ enterprise: { uscc: wrong } }, RULESET_2025).evaluation.issues.filter((f) => f.where.field === FIELD.uscc);
    expect(core.map((f) => f.code)).toEqual(['uscc/check-char']);
    expect(uscc(wrong)).toBe(core[0]?.message);
    expect(uscc(good.slice(0, 17))).toContain('格式不正确');
    expect(uscc(good.replace('Q', 'O'))).toContain('格式不正确');
    expect(uscc(good, '南京市')).toContain('不一致');
    expect(uscc(withCheckChar('91110105MA1Q2W3E4'))).toContain('不在江苏省');
    expect(uscc('')).toContain('未填写');
    expect(uscc(` ${good.toLowerCase()} `)).toContain('已按');
  });
  it('raises #VALUE! for a range where one cell is expected', () => {
    expect(excelError(() => uscc([[good, good]])).code).toBe(VALUE);
  });
});
