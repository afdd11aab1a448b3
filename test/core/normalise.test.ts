// Reading R2: raw cell text in its usual forms is normalised with an `input/normalised` warning; what cannot
// be read is an `input/unreadable` error. Canonical values pass silently.
import { describe, expect, it } from 'vitest';
import {
  RULESET_2025,
  applyOverride,
  evaluateRaw,
  normaliseLevel,
  normaliseMaturity,
  normaliseNumber,
  normaliseTier,
  parseAnswers,
  type RawAnswers,
} from '../../core/index.ts';
import { answers } from './support/build.ts';

type Cell = string | number | boolean | null;

/** Answers with one cell replaced, addressed by the template's defined name. */
function withCell(field: string, value: Cell): RawAnswers {
  const a = answers({ scenarios: { 9: 'basic' } });
  const e = { ...a.enterprise, declarations: { ...a.enterprise?.declarations } };
  const ind = (a.indicators ?? []).map((i) => ({ ...i }));
  const sc = (a.scenarios ?? []).map((s) => ({ ...s }));
  let m: RegExpExecArray | null;
  if ((m = /^SFE_I(\d\d)_(LEVEL|SCORE)$/.exec(field))) {
    const id = Number(m[1]);
    const row = ind.find((i) => i.id === id);
    if (!row) throw new Error(field);
    if (m[2] === 'LEVEL') row.level = value;
    else row.score = value;
  } else if (field === 'SFE_I07_TOTAL' || field === 'SFE_I07_2024') {
    const row = ind.find((i) => i.id === 7);
    if (!row) throw new Error(field);
    if (field === 'SFE_I07_TOTAL') row.investmentTotal = value;
    else row.investment2024 = value;
  } else if ((m = /^SFE_S(\d\d)_TIER$/.exec(field))) {
    const id = Number(m[1]);
    const row = sc.find((s) => s.id === id);
    if (row) row.tier = value;
    else sc.push({ id, tier: value });
  } else if ((m = /^SFE_DECL_(\w+)$/.exec(field))) {
    (e.declarations as Record<string, Cell>)[(m[1] ?? '').toLowerCase()] = value;
  } else {
    const key = { SFE_NAME: 'name', SFE_USCC: 'uscc', SFE_CITY: 'city', SFE_COUNTY: 'county', SFE_INDUSTRY: 'industry', SFE_MATURITY: 'maturity', SFE_FILL_DATE: 'fillDate' }[field];
    if (!key) throw new Error(field);
    (e as Record<string, unknown>)[key] = value;
  }
  return { enterprise: e, indicators: ind, scenarios: sc };
}

const NORMALISED: readonly (readonly [string, Cell, string, (a: ReturnType<typeof parseAnswers>['answers']) => unknown, unknown])[] = [
  ['SFE_I02_SCORE', '95', 'number as text', (a) => a.indicators[1], { score: 95 }],
  ['SFE_I02_SCORE', '９５', 'full-width digits', (a) => a.indicators[1], { score: 95 }],
  ['SFE_I02_SCORE', '95分', '「95分」', (a) => a.indicators[1], { score: 95 }],
  ['SFE_I02_SCORE', ' 95.5 ', 'stray spaces', (a) => a.indicators[1], { score: 95.5 }],
  ['SFE_I02_SCORE', '９５．５ 分', 'full-width decimal with unit', (a) => a.indicators[1], { score: 95.5 }],
  ['SFE_I03_LEVEL', '6级', '「6级」', (a) => a.indicators[2], { level: 6 }],
  ['SFE_I03_LEVEL', '六级', '「六级」', (a) => a.indicators[2], { level: 6 }],
  ['SFE_I03_LEVEL', '6', 'level as text', (a) => a.indicators[2], { level: 6 }],
  ['SFE_I03_LEVEL', '６', 'full-width level', (a) => a.indicators[2], { level: 6 }],
  ['SFE_I01_LEVEL', '不涉及', '「不涉及」', (a) => a.indicators[0], { level: 'NA' }],
  ['SFE_I01_LEVEL', ' 不涉及此环节 ', 'N/A with stray spaces', (a) => a.indicators[0], { level: 'NA' }],
  ['SFE_I01_LEVEL', 'N/A', '「N/A」', (a) => a.indicators[0], { level: 'NA' }],
  ['SFE_S09_TIER', '基础', 'short Chinese tier name', (a) => a.scenarios[8], { tier: 'basic' }],
  ['SFE_S09_TIER', 'Basic', 'English tier name, capitalised', (a) => a.scenarios[8], { tier: 'basic' }],
  ['SFE_S09_TIER', ' 基础级 ', 'tier with stray spaces', (a) => a.scenarios[8], { tier: 'basic' }],
  ['SFE_S09_TIER', 'LEADING', 'English tier name, upper case', (a) => a.scenarios[8], { tier: 'leading' }],
  ['SFE_S09_TIER', '无', '「无」 = not built', (a) => a.scenarios[8], { tier: null }],
  ['SFE_MATURITY', '4级', '「4级」', (a) => a.enterprise, { maturity: 4 }],
  ['SFE_MATURITY', '四级（优化级）', 'with its name', (a) => a.enterprise, { maturity: 4 }],
  ['SFE_MATURITY', '优化级', 'by name only', (a) => a.enterprise, { maturity: 4 }],
  ['SFE_MATURITY', '4', 'maturity as text', (a) => a.enterprise, { maturity: 4 }],
  ['SFE_DECL_SCALE', 'yes', 'English yes', (a) => a.enterprise.declarations, { scale: true }],
  ['SFE_DECL_SECURE', '√', 'check mark', (a) => a.enterprise.declarations, { secure: true }],
  ['SFE_DECL_COMPLIANCE', '是 ', 'stray space', (a) => a.enterprise.declarations, { compliance: true }],
  ['SFE_NAME', ' 昆山示例  精密机械 ', 'name with stray spaces', (a) => a.enterprise, { name: '昆山示例 精密机械' }],
  ['SFE_INDUSTRY', 'C34', 'industry code with 门类', (a) => a.enterprise, { industry: '34' }],
  ['SFE_FILL_DATE', '2025年6月30日', 'Chinese date', (a) => a.enterprise, { fillDate: '2025-06-30' }],
  ['SFE_I07_TOTAL', '1,200万元', 'amount with unit', (a) => a.indicators[6], { investmentTotal: 1200 }],
];

describe('normalised with a warning (Reading R2)', () => {
  it.each(NORMALISED)('%s = %j (%s)', (field, value, _what, pick, expected) => {
    const { answers: a, findings } = parseAnswers(withCell(field, value));
    expect(pick(a)).toMatchObject(expected as object);
    expect(findings.map((f) => [f.code, f.severity, f.where.field])).toEqual([['input/normalised', 'warning', field]]);
    expect(findings[0]?.raw).toBe(value);
    expect(findings[0]?.params.from).toBe(String(value));
  });

  it('the lower-case code is upper-cased with a warning', () => {
    const raw = answers();
    const uscc = String(raw.enterprise?.uscc).toLowerCase();
    const { answers: a, findings } = parseAnswers({ ...raw, enterprise: { ...raw.enterprise, uscc } });
    expect(a.enterprise.uscc).toBe(String(raw.enterprise?.uscc));
    expect(findings.map((f) => f.code)).toEqual(['input/normalised']);
  });

  it('normalised values score exactly like canonical ones', () => {
    const canonical = evaluateRaw(answers({ scenarios: { 9: 'basic' } }), RULESET_2025).evaluation;
    const typed = evaluateRaw(withCell('SFE_I02_SCORE', '９５分'), RULESET_2025).evaluation;
    expect(typed.composite).toBe(canonical.composite);
    expect(typed.issues.map((i) => i.code)).toEqual(['input/normalised']);
  });
});

describe('canonical values pass silently', () => {
  it.each([
    ['SFE_I02_SCORE', 95],
    ['SFE_I01_LEVEL', '不涉及此环节'],
    ['SFE_I01_LEVEL', 'NA'],
    ['SFE_S09_TIER', '基础级'],
    ['SFE_S09_TIER', 'basic'],
    ['SFE_S09_TIER', null],
    ['SFE_MATURITY', '四级'],
    ['SFE_MATURITY', 4],
    ['SFE_DECL_SCALE', '是'],
    ['SFE_DECL_SCALE', true],
    ['SFE_INDUSTRY', '34 通用设备制造业'],
    ['SFE_FILL_DATE', '2025-06-30'],
  ] as const)('%s = %j', (field, value) => {
    expect(parseAnswers(withCell(field, value)).findings).toEqual([]);
  });
});

describe('unreadable values are errors and read as empty', () => {
  it.each([
    ['SFE_I02_SCORE', 'abc'],
    ['SFE_I02_SCORE', '十五分'],
    ['SFE_I02_SCORE', '95-96'],
    ['SFE_I02_SCORE', true],
    ['SFE_I03_LEVEL', '七级'],
    ['SFE_I03_LEVEL', 7],
    ['SFE_I03_LEVEL', 0],
    ['SFE_I03_LEVEL', 2.5],
    ['SFE_I03_LEVEL', '高'],
    ['SFE_S09_TIER', 'gold'],
    ['SFE_S09_TIER', 3],
    ['SFE_MATURITY', '六级'],
    ['SFE_MATURITY', 6],
    ['SFE_MATURITY', '10'],
    ['SFE_MATURITY', '2.5'],
    ['SFE_MATURITY', '高级'],
    ['SFE_DECL_SCALE', 'maybe'],
    ['SFE_FILL_DATE', '2025-02-30'],
    ['SFE_FILL_DATE', 'yesterday'],
    ['SFE_I07_TOTAL', 'lots'],
  ] as const)('%s = %j', (field, value) => {
    const { findings } = parseAnswers(withCell(field, value));
    expect(findings.map((f) => [f.code, f.severity, f.where.field])).toEqual([['input/unreadable', 'error', field]]);
    expect(findings[0]?.raw).toBe(value);
  });

  it.each([
    ['SFE_MATURITY', '六级'],
    ['SFE_I03_LEVEL', '七级'],
    ['SFE_INDUSTRY', '99 不存在'],
  ] as const)('through the evaluation, %s = %j is reported once, not also as 「未填写」', (field, value) => {
    const e = evaluateRaw(withCell(field, value), RULESET_2025).evaluation;
    expect(e.issues.filter((i) => i.where.field === field).map((i) => i.code)).toHaveLength(1);
    expect(e.issues.map((i) => i.code)).not.toContain('cell/required');
  });

  it('with Reading R2 switched off, non-canonical text is unreadable instead of normalised', () => {
    const strictText = applyOverride(RULESET_2025, { readings: { normaliseText: false } });
    const e = evaluateRaw(withCell('SFE_I02_SCORE', '95分'), strictText).evaluation;
    expect(e.issues.filter((i) => i.code.startsWith('input/')).map((i) => i.code)).toEqual(['input/unreadable']);
    expect(e.composite).toBeNull();
  });
});

describe('normalisers directly', () => {
  it('read numbers, levels, tiers and maturities in their usual forms', () => {
    expect(normaliseNumber('１５')).toEqual({ ok: true, value: 15, changed: true });
    expect(normaliseNumber(15)).toEqual({ ok: true, value: 15, changed: false });
    expect(normaliseNumber('')).toEqual({ ok: true, value: null, changed: false });
    expect(normaliseNumber(Number.NaN).ok).toBe(false);
    expect(normaliseLevel('2级')).toEqual({ ok: true, value: 2, changed: true });
    expect(normaliseLevel('二级')).toEqual({ ok: true, value: 2, changed: true });
    expect(normaliseLevel(2)).toEqual({ ok: true, value: 2, changed: false });
    expect(normaliseTier('excellent')).toEqual({ ok: true, value: 'excellent', changed: false });
    expect(normaliseTier('卓越')).toEqual({ ok: true, value: 'excellent', changed: true });
    expect(normaliseMaturity('二级')).toEqual({ ok: true, value: 2, changed: false });
    expect(normaliseMaturity('5').ok && normaliseMaturity('5')).toEqual({ ok: true, value: 5, changed: true });
    expect(normaliseMaturity('51').ok).toBe(false);
  });
});
