// The answers contract: RawAnswers' shape, parsing to Answers, and the defined-name mapping that the
// workbook, the pipeline and the add-in share.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  FIELD,
  INPUT_FIELDS,
  RESULT_FIELDS,
  RULESET_2025,
  RawAnswersSchema,
  emptyAnswers,
  evaluateRaw,
  fieldsFromAnswers,
  parseAnswers,
  rawAnswersFromFields,
  type RawAnswers,
} from '../../core/index.ts';
import { LEVELLED_IDS, answers } from './support/build.ts';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../fixtures/answers/${name}`, import.meta.url), 'utf8'));

describe('RawAnswersSchema', () => {
  it('accepts the answers JSON of the contract, with defaults for what is left out', () => {
    expect(RawAnswersSchema.safeParse(fixture('excellent.json')).success).toBe(true);
    expect(RawAnswersSchema.parse({})).toEqual({ enterprise: {}, indicators: [], scenarios: [] });
  });

  it('refuses a wrong shape, naming where', () => {
    const r = RawAnswersSchema.safeParse(fixture('wrong-shape.json'));
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['indicators', 'scenarios']);
    expect(RawAnswersSchema.safeParse({ indicators: [{ level: 3 }] }).success).toBe(false);
    expect(RawAnswersSchema.safeParse({ enterprise: { maturity: { level: 3 } } }).success).toBe(false);
  });
});

describe('parseAnswers', () => {
  it('reads nothing into empty answers, without findings', () => {
    const { answers: a, findings } = parseAnswers({});
    expect(a).toEqual(emptyAnswers());
    expect(findings).toEqual([]);
  });

  it('an empty form is evaluated: required identity cells are errors, nothing is computed', () => {
    const e = evaluateRaw({}, RULESET_2025).evaluation;
    const errors = e.issues.filter((i) => i.code === 'cell/required' && i.severity === 'error').map((i) => i.where.field);
    expect(errors).toEqual(expect.arrayContaining([FIELD.name, FIELD.uscc, FIELD.city, ...LEVELLED_IDS.map((id) => FIELD.level(id))]));
    expect(e.composite).toBeNull();
    expect(e.referenceTier).toBeNull();
    expect(e.nextTier).toBe('basic');
  });

  it('accepts ids as text', () => {
    const { answers: a } = parseAnswers({ indicators: [{ id: '3', level: 3, score: 25 }], scenarios: [{ id: '12', tier: 'basic' }] });
    expect(a.indicators[2]).toEqual({ id: 3, level: 3, score: 25 });
    expect(a.scenarios[11]).toEqual({ id: 12, tier: 'basic' });
  });

  it('reads the city and county as their GB/T 2260 codes', () => {
    const { answers: a } = parseAnswers(answers());
    expect(a.enterprise).toMatchObject({ city: '3205', county: '320583', industry: '34', maturity: 4 });
  });
});

describe('defined names', () => {
  it('every input and result field is named once', () => {
    expect(new Set(INPUT_FIELDS).size).toBe(INPUT_FIELDS.length);
    expect(INPUT_FIELDS.filter((f) => RESULT_FIELDS.includes(f))).toEqual([]);
    expect(INPUT_FIELDS).toEqual(expect.arrayContaining([FIELD.level(1), FIELD.score(10), FIELD.tier(40), FIELD.investmentTotal, FIELD.declaration('secure')]));
    expect(INPUT_FIELDS).not.toContain(FIELD.level(7));
  });

  it.each([
    ['the fixture', fixture('excellent.json') as RawAnswers],
    ['answers with N/A, 1st-level and unrated cells', answers({ scores: { 1: 'NA', 5: 'NA', 2: 0, 3: 0.01 }, maturity: 1, scenarios: { 40: 'leading', 3: 'basic' } })],
  ])('canonical cell values of %s read back to the same answers without any finding', (_what, raw) => {
    const first = parseAnswers(raw).answers;
    const cells = fieldsFromAnswers(first);
    expect([...cells.keys()].sort()).toEqual([...INPUT_FIELDS].sort());
    const again = parseAnswers(rawAnswersFromFields((name) => cells.get(name) ?? null));
    expect(again.findings).toEqual([]);
    expect(again.answers).toEqual({ ...first, scenarios: first.scenarios.map(({ id, tier }) => ({ id, tier })) });
  });
});
