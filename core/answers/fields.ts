// Answers ⇄ the template's defined names. The workbook reader, the template filler and the add-in all go
// through these two functions, so a cell means the same thing everywhere.
import { FIELD } from '../finding/Finding.ts';
import { industryLabel, MANUFACTURING_DIVISIONS } from '../industry/industries.ts';
import { MATURITY_CANONICAL, NA_CANONICAL, TIER_CANONICAL, type RawScalar } from '../normalise/normalise.ts';
import { cityOf, countyOf } from '../region/jiangsu.ts';
import { DECLARATION_KEYS } from '../ruleset/types.ts';
import { investmentAnswer, levelAnswer, type Answers, type RawAnswers } from './Answers.ts';

export const INDICATOR_IDS_LEVELLED = [1, 2, 3, 4, 5, 6, 8, 9, 10] as const;
export const SCENARIO_IDS = Array.from({ length: 40 }, (_, i) => i + 1);

/** Every input defined name of the template, in form order. */
export const INPUT_FIELDS: readonly string[] = [
  FIELD.name, FIELD.uscc, FIELD.city, FIELD.county, FIELD.industry, FIELD.scale,
  ...DECLARATION_KEYS.map((k) => FIELD.declaration(k)),
  FIELD.maturity, FIELD.contact, FIELD.phone, FIELD.fillDate,
  ...INDICATOR_IDS_LEVELLED.flatMap((id) => [FIELD.level(id), FIELD.score(id)]),
  FIELD.investmentTotal, FIELD.investment2024,
  ...SCENARIO_IDS.map((id) => FIELD.tier(id)),
];

/** The result defined names (formulas in the workbook; never trusted on ingest). */
export const RESULT_FIELDS: readonly string[] = [FIELD.composite, FIELD.suggestedTier, FIELD.referenceTier];

/** Builds RawAnswers from a lookup of defined name → raw cell value. */
export function rawAnswersFromFields(get: (name: string) => RawScalar): RawAnswers {
  return {
    enterprise: {
      name: get(FIELD.name),
      uscc: get(FIELD.uscc),
      city: get(FIELD.city),
      county: get(FIELD.county),
      industry: get(FIELD.industry),
      scale: get(FIELD.scale),
      maturity: get(FIELD.maturity),
      contact: get(FIELD.contact),
      phone: get(FIELD.phone),
      fillDate: get(FIELD.fillDate),
      declarations: Object.fromEntries(DECLARATION_KEYS.map((k) => [k, get(FIELD.declaration(k))])),
    },
    indicators: [
      ...INDICATOR_IDS_LEVELLED.map((id) => ({ id, level: get(FIELD.level(id)), score: get(FIELD.score(id)) })),
      { id: 7, investmentTotal: get(FIELD.investmentTotal), investment2024: get(FIELD.investment2024) },
    ],
    scenarios: SCENARIO_IDS.map((id) => ({ id, tier: get(FIELD.tier(id)) })),
  };
}

/**
 * Canonical cell values for normalised answers, as a person picking from the template's dropdowns would
 * leave them (numbers for levels and scores, 「基础级」, 「二级」, 「是」, city and county names).
 */
export function fieldsFromAnswers(a: Answers): Map<string, string | number | null> {
  const m = new Map<string, string | number | null>();
  const e = a.enterprise;
  const industry = MANUFACTURING_DIVISIONS.find((i) => i.code === e.industry);
  m.set(FIELD.name, e.name);
  m.set(FIELD.uscc, e.uscc);
  m.set(FIELD.city, e.city === null ? null : (cityOf(e.city)?.name ?? e.city));
  m.set(FIELD.county, e.county === null ? null : (countyOf(e.county)?.name ?? e.county));
  m.set(FIELD.industry, industry ? industryLabel(industry) : e.industry);
  m.set(FIELD.scale, e.scale);
  for (const k of DECLARATION_KEYS) {
    const v = e.declarations[k];
    m.set(FIELD.declaration(k), v === null ? null : v ? '是' : '否');
  }
  m.set(FIELD.maturity, e.maturity === null ? null : MATURITY_CANONICAL[e.maturity]);
  m.set(FIELD.contact, e.contact);
  m.set(FIELD.phone, e.phone);
  m.set(FIELD.fillDate, e.fillDate);
  for (const id of INDICATOR_IDS_LEVELLED) {
    const l = levelAnswer(a, id);
    m.set(FIELD.level(id), l.level === 'NA' ? NA_CANONICAL : l.level);
    m.set(FIELD.score(id), l.score);
  }
  const inv = investmentAnswer(a);
  m.set(FIELD.investmentTotal, inv.investmentTotal);
  m.set(FIELD.investment2024, inv.investment2024);
  for (const s of a.scenarios) m.set(FIELD.tier(s.id), s.tier === null ? null : TIER_CANONICAL[s.tier]);
  return m;
}
