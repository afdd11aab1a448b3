// Identity checks: required fields, the 统一社会信用代码 and its division code against the declared region.
import { FIELD, type Finding } from '../finding/Finding.ts';
import { makeFinding } from '../finding/make.ts';
import { cityOf, countyOf } from '../region/jiangsu.ts';
import { checkUscc, usccDivision } from '../uscc/uscc.ts';
import type { Answers } from '../answers/Answers.ts';
import { DECLARATION_KEYS } from '../ruleset/types.ts';
import { DECLARATION_LABELS } from '../normalise/normalise.ts';

export function checkEnterprise(answers: Answers): Finding[] {
  const e = answers.enterprise;
  const out: Finding[] = [];
  const required = [
    [e.name, FIELD.name, '企业名称', 'error'],
    [e.uscc, FIELD.uscc, '统一社会信用代码', 'error'],
    [e.city, FIELD.city, '设区市', 'error'],
    [e.county, FIELD.county, '县（市、区）', 'warning'],
    [e.industry, FIELD.industry, '所属行业', 'warning'],
    [e.maturity, FIELD.maturity, '智能制造能力成熟度', 'warning'],
    [e.fillDate, FIELD.fillDate, '填报日期', 'warning'],
  ] as const;
  for (const [v, field, label, severity] of required) {
    if (v === null) out.push(makeFinding('cell/required', severity, { field }, { label }));
  }
  for (const k of DECLARATION_KEYS) {
    if (e.declarations[k] === null) out.push(makeFinding('cell/required', 'warning', { field: FIELD.declaration(k) }, { label: DECLARATION_LABELS[k] }));
  }

  if (e.uscc !== null) {
    const p = checkUscc(e.uscc);
    if (p?.kind === 'check') {
      out.push(makeFinding('uscc/check-char', 'error', { field: FIELD.uscc }, { from: e.uscc, expected: p.expected }, e.uscc));
    } else if (p) {
      const reason = p.kind === 'length' ? `当前${p.length}位` : `第${p.position}位「${p.char}」不是有效字符`;
      out.push(makeFinding('uscc/format', 'error', { field: FIELD.uscc }, { from: e.uscc, reason }, e.uscc));
    } else {
      const division = usccDivision(e.uscc);
      const city = e.city === null ? null : cityOf(e.city);
      if (!division.startsWith('32')) {
        out.push(makeFinding('uscc/outside-jiangsu', 'warning', { field: FIELD.uscc }, { codeDivision: division }, e.uscc));
      } else if (city && division.slice(2, 4) !== '00' && division.slice(0, 4) !== city.code) {
        // 3200xx: registered by the provincial authority, which says nothing about the city.
        out.push(makeFinding('uscc/region-mismatch', 'warning', { field: FIELD.uscc }, { codeDivision: division, cityName: city.name }, e.uscc));
      }
    }
  }

  if (e.county !== null && e.city !== null && !e.county.startsWith(e.city)) {
    out.push(
      makeFinding('region/county-not-in-city', 'error', { field: FIELD.county }, { countyName: countyOf(e.county)?.name ?? e.county, cityName: cityOf(e.city)?.name ?? e.city }, e.county),
    );
  }
  return out;
}
