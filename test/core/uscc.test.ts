// 统一社会信用代码 (GB 32100-2015) and the region checks, against the check algorithm written independently
// in support/build.ts from the standard's weights.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JIANGSU_CITIES, RULESET_2025, checkUscc, evaluateRaw, usccCheckChar, usccDivision, withCheckChar, type Evaluation } from '../../core/index.ts';
import { KUNSHAN_USCC, USCC_CHARS, answers, gbCheckChar, gbUscc } from './support/build.ts';

/** RULES.md §6: Jiangsu's 13 设区市. */
const CITIES: readonly (readonly [string, string])[] = [
  ['3201', '南京市'], ['3202', '无锡市'], ['3203', '徐州市'], ['3204', '常州市'], ['3205', '苏州市'], ['3206', '南通市'],
  ['3207', '连云港市'], ['3208', '淮安市'], ['3209', '盐城市'], ['3210', '扬州市'], ['3211', '镇江市'], ['3212', '泰州市'],
  ['3213', '宿迁市'],
];

const enterpriseIssues = (enterprise: Record<string, string | null>): Evaluation['issues'] =>
  evaluateRaw(answers({ enterprise }), RULESET_2025).evaluation.issues;

describe('the check character', () => {
  it('agrees with an independent implementation of GB 32100 for any 17 characters', () => {
    const prefix = fc.string({ unit: fc.constantFrom(...USCC_CHARS), minLength: 17, maxLength: 17 });
    fc.assert(
      fc.property(prefix, (p) => {
        expect(usccCheckChar(p)).toBe(gbCheckChar(p));
        expect(checkUscc(gbUscc(p))).toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    '914403001922038216',
    '91440300708461136T',
    '91330100799655058B',
    '91110108558521630L',
    '91440300192317458F',
    '91110000710925462X',
    '91320000608950984B',
  ])('published code %s validates', (code) => {
    expect(gbCheckChar(code.slice(0, 17))).toBe(code.charAt(17));
    expect(checkUscc(code)).toBeNull();
  });

  it('withCheckChar completes a prefix as the standard does', () => {
    expect(withCheckChar('91320583MA1ABCDE0')).toBe(KUNSHAN_USCC);
    expect(() => withCheckChar('91320583MA1ABCDEI')).toThrow(RangeError);
  });

  it('every wrong check character is caught, with the expected one', () => {
    const good = KUNSHAN_USCC;
    for (const c of USCC_CHARS) {
      if (c === good.charAt(17)) continue;
      expect(checkUscc(good.slice(0, 17) + c)).toEqual({ kind: 'check', expected: good.charAt(17), actual: c });
    }
  });

  it('a wrong check character is an error naming the right one', () => {
    const wrong = KUNSHAN_USCC.slice(0, 17) + (KUNSHAN_USCC.endsWith('0') ? '1' : '0');
    const issues = enterpriseIssues({ uscc: wrong });
    expect(issues.map((i) => [i.code, i.severity, i.where.field, i.params.expected])).toEqual([['uscc/check-char', 'error', 'SFE_USCC', gbCheckChar(wrong.slice(0, 17))]]);
  });
});

describe('the format', () => {
  it.each([
    ['17 characters', KUNSHAN_USCC.slice(0, 17)],
    ['19 characters', `${KUNSHAN_USCC}0`],
    ['15-digit old registration number', '320583000123456'],
  ])('%s is a format error', (_what, code) => {
    expect(checkUscc(code)).toEqual({ kind: 'length', length: code.length });
    expect(enterpriseIssues({ uscc: code }).map((i) => i.code)).toEqual(['uscc/format']);
  });

  it.each(['I', 'O', 'Z', 'S', 'V'])('the letter %s is not allowed', (letter) => {
    const code = `${KUNSHAN_USCC.slice(0, 9)}${letter}${KUNSHAN_USCC.slice(10)}`;
    expect(checkUscc(code)).toEqual({ kind: 'char', position: 10, char: letter });
    const issues = enterpriseIssues({ uscc: code });
    expect(issues.map((i) => [i.code, i.params.from])).toEqual([['uscc/format', code]]);
  });

  it('the division code is characters 3–8', () => {
    expect(usccDivision(KUNSHAN_USCC)).toBe('320583');
  });
});

describe('the division against the declared region', () => {
  it('the 13 cities are those of RULES.md §6, each with its counties', () => {
    expect(JIANGSU_CITIES.map((c) => [c.code, c.name])).toEqual(CITIES);
    for (const c of JIANGSU_CITIES) {
      expect(c.counties.length).toBeGreaterThan(2);
      for (const k of c.counties) expect(k.code.slice(0, 4)).toBe(c.code);
    }
  });

  it.each(CITIES)('a code registered in %s (%s) matches that city and no other', (code, name) => {
    const uscc = gbUscc(`91${code}00MA1XY2Q3K`);
    expect(enterpriseIssues({ uscc, city: name, county: null }).filter((i) => i.code.startsWith('uscc/'))).toEqual([]);
    const other = CITIES.find(([c]) => c !== code)?.[1] ?? '';
    const issues = enterpriseIssues({ uscc, city: other, county: null }).filter((i) => i.code.startsWith('uscc/'));
    expect(issues.map((i) => [i.code, i.severity, i.params])).toEqual([['uscc/region-mismatch', 'warning', { codeDivision: `${code}00`, cityName: other }]]);
  });

  it('a county-level code matches its city', () => {
    expect(enterpriseIssues({})).toEqual([]);
  });

  it('a code registered by the provincial authority (3200xx) cannot contradict any city', () => {
    const issues = enterpriseIssues({ uscc: '91320000608950984B', city: '南京市', county: '玄武区' });
    expect(issues).toEqual([]);
  });

  it('a code from outside Jiangsu is a warning', () => {
    const issues = enterpriseIssues({ uscc: '914403001922038216' });
    expect(issues.map((i) => [i.code, i.params.codeDivision])).toEqual([['uscc/outside-jiangsu', '440300']]);
  });

  it('a county not in the declared city is an error', () => {
    const nanjing = gbUscc('91320102MA1AB3CD4');
    const issues = enterpriseIssues({ uscc: nanjing, city: '南京市', county: '昆山市' });
    expect(issues.map((i) => [i.code, i.severity, i.params])).toEqual([['region/county-not-in-city', 'error', { countyName: '昆山市', cityName: '南京市' }]]);
  });

  it('county names repeat across cities: 鼓楼区 is read inside the declared city', () => {
    const xuzhou = gbUscc('91320302MA1AB3CD4');
    const e = evaluateRaw(answers({ enterprise: { uscc: xuzhou, city: '徐州市', county: '鼓楼区' } }), RULESET_2025);
    expect(e.evaluation.issues).toEqual([]);
    expect(e.answers.enterprise.county).toBe('320302');
  });

  it('unknown cities and counties are errors, not also 「未填写」', () => {
    const city = enterpriseIssues({ city: '上海市', county: null });
    expect(city.map((i) => [i.code, i.where.field])).toEqual([['region/unknown-city', 'SFE_CITY'], ['cell/required', 'SFE_COUNTY']]);
    const county = enterpriseIssues({ county: '不存在区' });
    expect(county.map((i) => [i.code, i.where.field])).toEqual([['region/unknown-county', 'SFE_COUNTY']]);
  });
});
