// Checks of each indicator's level and score against 表3, the N/A rule and indicator 7's amounts.
import { FIELD, type Finding } from '../finding/Finding.ts';
import { makeFinding } from '../finding/make.ts';
import { bandOf, fitFor, inInterval } from '../indicator/bands.ts';
import { investmentAnswer, levelAnswer, type Answers } from '../answers/Answers.ts';
import type { Ruleset } from '../ruleset/ruleset.ts';
import type { FitKey, Interval, LevelNumber } from '../ruleset/types.ts';

export interface IndicatorResult {
  readonly id: number;
  readonly level: LevelNumber | 'NA' | null;
  readonly score: number | null;
  readonly fit: FitKey | null;
  readonly band: Interval | null;
  /** Complete and valid: counts towards the composite (or validly N/A). */
  readonly valid: boolean;
}

const bandParams = (i: Interval): Record<string, number | boolean> => ({ min: i.min, max: i.max, minOpen: i.minOpen, maxOpen: i.maxOpen });

/** One levelled indicator's level + score, as the workbook's check column and SFE.CHECK see it. */
export function checkLevelScore(
  id: number,
  level: LevelNumber | 'NA' | null,
  score: number | null,
  naAllowed: boolean,
): { result: IndicatorResult; findings: Finding[] } {
  const findings: Finding[] = [];
  const whereL = { field: FIELD.level(id), indicator: id };
  const whereS = { field: FIELD.score(id), indicator: id };
  const result = (valid: boolean, fit: FitKey | null = null, band: Interval | null = null): IndicatorResult => ({ id, level, score, fit, band, valid });

  if (level === 'NA') {
    if (!naAllowed) {
      findings.push(makeFinding('level/na-not-allowed', 'error', whereL, { indicator: id }, '不涉及此环节'));
      return { result: result(false), findings };
    }
    if (score !== null) findings.push(makeFinding('score/with-na', 'warning', whereS, { indicator: id, score }, score));
    return { result: result(true), findings };
  }
  if (level === null) {
    if (score !== null) findings.push(makeFinding('score/without-level', 'error', whereL, { indicator: id, score }, score));
    else findings.push(makeFinding('cell/required', 'error', whereL, { label: `指标${id}等级`, indicator: id }));
    return { result: result(false), findings };
  }
  const { band } = bandOf(level);
  if (score === null) {
    findings.push(makeFinding('score/missing', 'error', whereS, { indicator: id, level, ...bandParams(band) }));
    return { result: result(false, null, band), findings };
  }
  if (!inInterval(score, band)) {
    findings.push(makeFinding('score/out-of-band', 'error', whereS, { indicator: id, level, score, ...bandParams(band) }, score));
    return { result: result(false, null, band), findings };
  }
  return { result: result(true, fitFor(level, score)?.fit ?? null, band), findings };
}

export function checkIndicators(answers: Answers, ruleset: Ruleset): { results: IndicatorResult[]; findings: Finding[] } {
  const results: IndicatorResult[] = [];
  const findings: Finding[] = [];
  for (const ind of ruleset.indicators) {
    if (ind.kind !== 'levelled') continue;
    const a = levelAnswer(answers, ind.id);
    const r = checkLevelScore(ind.id, a.level, a.score, ind.naAllowed);
    results.push(r.result);
    findings.push(...r.findings);
  }
  const inv = investmentAnswer(answers);
  const amounts = [
    ['investmentTotal', FIELD.investmentTotal, '2014年以来数字化投入总额'],
    ['investment2024', FIELD.investment2024, '2024年数字化投入'],
  ] as const;
  for (const [key, field, label] of amounts) {
    const v = inv[key];
    if (v === null) findings.push(makeFinding('cell/required', 'warning', { field, indicator: 7 }, { label }));
    else if (v < 0) findings.push(makeFinding('investment/negative', 'error', { field, indicator: 7 }, { label, amount: v }, v));
  }
  if (inv.investmentTotal !== null && inv.investment2024 !== null && inv.investment2024 > inv.investmentTotal) {
    findings.push(
      makeFinding('investment/2024-exceeds-total', 'warning', { field: FIELD.investment2024, indicator: 7 }, { total: inv.investmentTotal, amount2024: inv.investment2024 }, inv.investment2024),
    );
  }
  return { results, findings };
}
