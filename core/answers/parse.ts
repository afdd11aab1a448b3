// RawAnswers (any cell value) → Answers, with a finding for every normalisation and every unreadable value.
// This is the one path from raw input to answers: the CLI, the workbook reader and the add-in all use it.
import { FIELD, type Finding, type Where } from '../finding/Finding.ts';
import { makeFinding } from '../finding/make.ts';
import { industryByInput, industryLabel } from '../industry/industries.ts';
import {
  DECLARATION_LABELS,
  normaliseCode,
  normaliseDate,
  normaliseFreeText,
  normaliseLevel,
  normaliseMaturity,
  normaliseNumber,
  normaliseTier,
  normaliseYesNo,
  type Normalised,
  type RawScalar,
} from '../normalise/normalise.ts';
import { cityByCodeOrName, countyByCodeOrName } from '../region/jiangsu.ts';
import { cleanText } from '../normalise/text.ts';
import { DECLARATION_KEYS, type DeclarationKey } from '../ruleset/types.ts';
import type { Answers, LevelAnswer, RawAnswers, ScenarioAnswer } from './Answers.ts';

type Raw = RawScalar;
type RawIndicator = NonNullable<RawAnswers['indicators']>[number];

interface Ctx {
  readonly findings: Finding[];
  readonly normaliseText: boolean;
}

function take<T>(ctx: Ctx, n: Normalised<T>, raw: Raw, where: Where, label: string): T | null {
  const rawOut = raw === undefined ? null : raw;
  if (!n.ok) {
    ctx.findings.push(makeFinding('input/unreadable', 'error', where, { label, from: String(raw), hint: n.hint }, rawOut));
    return null;
  }
  if (n.changed) {
    if (!ctx.normaliseText) {
      ctx.findings.push(makeFinding('input/unreadable', 'error', where, { label, from: String(raw), hint: '请填写规范值。' }, rawOut));
      return null;
    }
    ctx.findings.push(
      makeFinding('input/normalised', 'warning', where, { label, from: String(raw), to: n.value === null ? '（空）' : String(n.value) }, rawOut),
    );
  }
  return n.value;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

export interface ParseOptions {
  /** Reading R2; when false, non-canonical text is an error instead of a warning. */
  readonly normaliseText?: boolean;
}

export function parseAnswers(raw: RawAnswers, options: ParseOptions = {}): { answers: Answers; findings: Finding[] } {
  const ctx: Ctx = { findings: [], normaliseText: options.normaliseText ?? true };
  const e = raw.enterprise ?? {};
  const w = (field: string): Where => ({ field });

  const name = take(ctx, normaliseFreeText(e.name), e.name, w(FIELD.name), '企业名称');
  const uscc = take(ctx, normaliseCode(e.uscc), e.uscc, w(FIELD.uscc), '统一社会信用代码');

  let city: string | null = null;
  const cityText = take(ctx, normaliseFreeText(e.city), e.city, w(FIELD.city), '设区市');
  const cityObj = cityText === null ? null : cityByCodeOrName(cleanText(cityText));
  if (cityText !== null && !cityObj) ctx.findings.push(makeFinding('region/unknown-city', 'error', w(FIELD.city), { from: cityText }, cityText));
  city = cityObj?.code ?? null;

  let county: string | null = null;
  const countyText = take(ctx, normaliseFreeText(e.county), e.county, w(FIELD.county), '县（市、区）');
  if (countyText !== null) {
    const c = countyByCodeOrName(cleanText(countyText), cityObj);
    if (!c) ctx.findings.push(makeFinding('region/unknown-county', 'error', w(FIELD.county), { from: countyText }, countyText));
    county = c?.code ?? null;
  }

  let industry: string | null = null;
  const industryText = take(ctx, normaliseFreeText(typeof e.industry === 'number' ? String(e.industry) : e.industry), e.industry, w(FIELD.industry), '所属行业');
  if (industryText !== null) {
    const ind = industryByInput(cleanText(industryText));
    if (!ind) ctx.findings.push(makeFinding('industry/unknown', 'error', w(FIELD.industry), { from: industryText }, industryText));
    else if (industryText !== ind.code && industryText !== industryLabel(ind)) {
      ctx.findings.push(makeFinding('input/normalised', 'warning', w(FIELD.industry), { label: '所属行业', from: industryText, to: industryLabel(ind) }, industryText));
    }
    industry = ind?.code ?? null;
  }

  const scale = take(ctx, normaliseFreeText(e.scale), e.scale, w(FIELD.scale), '企业规模');
  const maturity = take(ctx, normaliseMaturity(e.maturity), e.maturity, w(FIELD.maturity), '智能制造能力成熟度');
  const contact = take(ctx, normaliseFreeText(e.contact), e.contact, w(FIELD.contact), '联系人');
  const phone = take(ctx, normaliseFreeText(e.phone), e.phone, w(FIELD.phone), '联系电话');
  const fillDate = take(ctx, normaliseDate(e.fillDate), e.fillDate, w(FIELD.fillDate), '填报日期');

  const d = e.declarations ?? {};
  const declarations = Object.fromEntries(
    DECLARATION_KEYS.map((k: DeclarationKey) => [
      k,
      take(ctx, normaliseYesNo(d[k]), d[k], w(FIELD.declaration(k)), DECLARATION_LABELS[k]),
    ]),
  ) as Record<DeclarationKey, boolean | null>;

  const byId = new Map<number, RawIndicator>();
  for (const ind of raw.indicators ?? []) {
    const id = typeof ind.id === 'number' ? ind.id : Number(String(ind.id).replace(/\D/g, ''));
    if (Number.isInteger(id) && id >= 1 && id <= 10) byId.set(id, ind);
  }
  const indicators: Answers['indicators'] = Array.from({ length: 10 }, (_, i) => {
    const id = i + 1;
    const a = byId.get(id);
    if (id === 7) {
      const investmentTotal = take(ctx, normaliseNumber(a?.investmentTotal, '万元'), a?.investmentTotal, { field: FIELD.investmentTotal, indicator: 7 }, '2014年以来数字化投入总额');
      const investment2024 = take(ctx, normaliseNumber(a?.investment2024, '万元'), a?.investment2024, { field: FIELD.investment2024, indicator: 7 }, '2024年数字化投入');
      return { id: 7 as const, investmentTotal, investment2024 };
    }
    const level = take(ctx, normaliseLevel(a?.level), a?.level, { field: FIELD.level(id), indicator: id }, `指标${id}等级`);
    const score = take(ctx, normaliseNumber(a?.score), a?.score, { field: FIELD.score(id), indicator: id }, `指标${id}分数`);
    const out: LevelAnswer = { id, level, score };
    return out;
  });

  const tierById = new Map<number, { tier: Raw; note: Raw }>();
  for (const s of raw.scenarios ?? []) {
    const id = typeof s.id === 'number' ? s.id : Number(String(s.id).replace(/\D/g, ''));
    if (!Number.isInteger(id) || id < 1 || id > 40) {
      ctx.findings.push(makeFinding('scenario/unknown', 'error', { field: 'SFE_SCENARIOS' }, { scenario: String(s.id) }, String(s.id)));
      continue;
    }
    tierById.set(id, { tier: s.tier, note: s.note });
  }
  const scenarios: ScenarioAnswer[] = Array.from({ length: 40 }, (_, i) => {
    const id = i + 1;
    const s = tierById.get(id);
    const tier = take(ctx, normaliseTier(s?.tier), s?.tier, { field: FIELD.tier(id), scenario: id }, `场景${pad2(id)}自评等级`);
    const note = s?.note === undefined || s.note === null ? undefined : String(s.note);
    return note === undefined ? { id, tier } : { id, tier, note };
  });

  const answers: Answers = {
    enterprise: { name, uscc, city, county, industry, scale, maturity, declarations, contact, phone, fillDate },
    indicators,
    scenarios,
  };
  return { answers, findings: ctx.findings };
}
