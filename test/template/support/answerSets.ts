// Answer sets for the recalculation proof: cell values by defined name, as a person would leave them with
// the dropdowns (and the mistakes the checks must catch). Random ones from a seeded generator, plus edge
// cases at the thresholds, N/A redistribution, out-of-band scores, 「/」 tiers and missing cells.
import {
  DECLARATION_KEYS,
  FIELD,
  INDICATOR_IDS_LEVELLED,
  JIANGSU_CITIES,
  LEVEL_BANDS,
  MANUFACTURING_DIVISIONS,
  MATURITY_SHORT,
  RULESET_2025,
  TIER_KEYS,
  TIER_LABELS,
  industryLabel,
  USCC_ALPHABET,
  withCheckChar,
  levelForScore,
  type MaturityLevel,
  type TierKey,
} from '../../../core/index.ts';
import { createRandom } from '../../../pipeline/corpus/random.ts';

export type CellValue = string | number | null;
export interface AnswerSet {
  readonly label: string;
  readonly values: Map<string, CellValue>;
}

/** A seeded PRNG (the corpus generator's) so every run tests the same sets. */
export const rng = (seed: number): (() => number) => createRandom(seed).next;

const NA = '不涉及此环节';
const NA_ALLOWED = new Set(RULESET_2025.indicators.filter((i) => i.kind === 'levelled' && i.naAllowed).map((i) => i.id));
const ratable = (id: number): TierKey[] => {
  const s = RULESET_2025.scenarios.find((x) => x.id === id);
  return s ? TIER_KEYS.filter((t) => s.tiers[t].has) : [];
};

function base(r: () => number, opts: { maturity?: MaturityLevel | null; decl?: 'yes' | 'mixed' } = {}): Map<string, CellValue> {
  const m = new Map<string, CellValue>();
  const city = JIANGSU_CITIES[Math.floor(r() * JIANGSU_CITIES.length)] ?? JIANGSU_CITIES[0];
  const county = city?.counties[Math.floor(r() * city.counties.length)];
  m.set(FIELD.name, '江苏测试制造有限公司');
  m.set(FIELD.city, city?.name ?? null);
  // now and then a county of another city
  const other = r() < 0.08 ? JIANGSU_CITIES.find((c) => c !== city)?.counties.find((x) => !city?.counties.some((y) => y.name === x.name)) : undefined;
  m.set(FIELD.county, (other ?? county)?.name ?? null);
  m.set(FIELD.uscc, uscc(r, county?.code ?? '320000'));
  const ind = MANUFACTURING_DIVISIONS[Math.floor(r() * MANUFACTURING_DIVISIONS.length)];
  m.set(FIELD.industry, ind ? industryLabel(ind) : null);
  m.set(FIELD.scale, '中型企业');
  for (const k of DECLARATION_KEYS) {
    const v = opts.decl === 'mixed' ? (r() < 0.8 ? '是' : r() < 0.5 ? '否' : null) : '是';
    m.set(FIELD.declaration(k), v);
  }
  const mat = opts.maturity === undefined ? (r() < 0.1 ? null : ((1 + Math.floor(r() * 5)) as MaturityLevel)) : opts.maturity;
  m.set(FIELD.maturity, mat === null ? null : MATURITY_SHORT[mat]);
  m.set(FIELD.contact, '张三');
  m.set(FIELD.phone, '0512-12345678');
  m.set(FIELD.fillDate, '2025-06-30');
  m.set(FIELD.investmentTotal, Math.round(r() * 5000));
  m.set(FIELD.investment2024, Math.round(r() * 800));
  return m;
}

/** A 统一社会信用代码: mostly valid, sometimes with a wrong check character, length or character. */
function uscc(r: () => number, division: string): string {
  let body = `91${division}`;
  while (body.length < 17) body += USCC_ALPHABET.charAt(Math.floor(r() * USCC_ALPHABET.length));
  const valid = withCheckChar(body);
  const p = r();
  if (p < 0.08) return valid.slice(0, 17) + (valid.endsWith('0') ? '1' : '0');
  if (p < 0.12) return valid.slice(0, 16);
  if (p < 0.15) return `${valid.slice(0, 10)}I${valid.slice(11)}`;
  return valid;
}

const round = (x: number, d: number): number => Math.round(x * 10 ** d) / 10 ** d;

/** A valid score in level `l`'s band, with 0–3 decimals; sometimes exactly at a band edge. */
function scoreIn(r: () => number, l: number): number {
  const b = LEVEL_BANDS[l - 1]?.band;
  if (!b || b.min === b.max) return 0;
  const edge = r();
  if (edge < 0.1 && !b.minOpen) return b.min;
  if (edge < 0.15) return round(b.max - 0.001, 3);
  const lo = b.minOpen ? b.min + 0.01 : b.min;
  return round(lo + r() * (b.max - 0.01 - lo), Math.floor(r() * 4));
}

function setScores(m: Map<string, CellValue>, scores: readonly (number | 'NA')[]): void {
  INDICATOR_IDS_LEVELLED.forEach((id, i) => {
    const s = scores[i] ?? 'NA';
    if (s === 'NA') {
      m.set(FIELD.level(id), NA);
      m.set(FIELD.score(id), null);
    } else {
      m.set(FIELD.level(id), levelForScore(s));
      m.set(FIELD.score(id), s);
    }
  });
}

function setScenarios(m: Map<string, CellValue>, r: () => number, pBuilt: number, maxRank: number, pWrong: number): void {
  for (let id = 1; id <= 40; id++) {
    let v: CellValue = null;
    if (r() < pWrong) {
      // any tier, including those printed 「/」 for this scenario
      v = TIER_LABELS[TIER_KEYS[Math.floor(r() * 4)] ?? 'basic'];
    } else if (r() < pBuilt) {
      const ok = ratable(id).filter((t) => TIER_KEYS.indexOf(t) < maxRank);
      const t = ok[Math.floor(r() * ok.length)];
      v = t ? TIER_LABELS[t] : null;
    }
    m.set(FIELD.tier(id), v);
  }
}

/** One indicator answered in one of the ways people answer (and get wrong). */
function randomIndicator(m: Map<string, CellValue>, r: () => number, id: number, pWrong: number): void {
  const L = FIELD.level(id);
  const S = FIELD.score(id);
  if (r() >= pWrong) {
    if (NA_ALLOWED.has(id) && r() < 0.2) {
      m.set(L, NA);
      m.set(S, null);
      return;
    }
    const l = 1 + Math.floor(r() * 6);
    m.set(L, l);
    m.set(S, scoreIn(r, l));
    return;
  }
  const kind = Math.floor(r() * 8);
  const l = 1 + Math.floor(r() * 6);
  const b = LEVEL_BANDS[l - 1]?.band;
  switch (kind) {
    case 0: // nothing
      m.set(L, null);
      m.set(S, null);
      break;
    case 1: // score without level
      m.set(L, null);
      m.set(S, 42);
      break;
    case 2: // level without score
      m.set(L, l);
      m.set(S, null);
      break;
    case 3: // at the excluded upper end of the band (or 100)
      m.set(L, l);
      m.set(S, l === 1 ? 5 : (b?.max ?? 100));
      break;
    case 4: // below the band (level 2 excludes 0)
      m.set(L, l === 1 ? 1 : l);
      m.set(S, l <= 2 ? (l === 1 ? -1 : 0) : (b?.min ?? 0) - 0.5);
      break;
    case 5: // N/A where not allowed, or N/A with a score
      m.set(L, NA);
      m.set(S, NA_ALLOWED.has(id) ? 33 : null);
      break;
    case 6: // a level out of range
      m.set(L, 7);
      m.set(S, 50);
      break;
    default: // text that is not a number
      m.set(L, l);
      m.set(S, '十五');
      break;
  }
}

function thresholdSets(): AnswerSet[] {
  const out: AnswerSet[] = [];
  const r = rng(7);
  for (const T of [60, 70, 80, 90]) {
    const mk = (label: string, scores: (number | 'NA')[], maturity: MaturityLevel = 5): void => {
      const m = base(r, { maturity });
      setScores(m, scores);
      setScenarios(m, r, 0.95, 4, 0);
      out.push({ label: `${label} @${T}`, values: m });
    };
    mk('mean exactly T', Array(9).fill(T));
    mk('mean T with N/A', ['NA', T, T, T, 'NA', 'NA', T, T, T]);
    mk('one millionth above T', [T + 0.000001, ...Array(8).fill(T)]);
    mk('one millionth below T', [T - 0.000001, ...Array(8).fill(T)]);
    // float trap: decimals that sum with binary noise although the exact mean is T
    mk('float trap', [T + 0.1, T - 0.1, T + 0.2, T - 0.2, T + 0.3, T - 0.3, T + 0.7, T - 0.7, T].map((x) => round(x, 1)));
    mk('float trap with N/A', ['NA', round(T + 0.1, 1), round(T + 0.2, 1), round(T - 0.3, 1), 'NA', T, T, T, T]);
    mk('seven tenths', ['NA', round(T - 0.7, 1), round(T + 0.1, 1), round(T + 0.1, 1), round(T + 0.1, 1), 'NA', round(T + 0.1, 1), round(T + 0.1, 1), round(T + 0.2, 1)]);
  }
  return out;
}

function tierSets(): AnswerSet[] {
  // Sets aimed at each factory tier: many scenarios at a high tier, matching maturity, composite above.
  const out: AnswerSet[] = [];
  const r = rng(11);
  for (let i = 0; i < 40; i++) {
    const target = 1 + (i % 4);
    const m = base(r, { maturity: (Math.min(5, target + (r() < 0.7 ? 1 : 0)) as MaturityLevel), decl: i % 5 === 0 ? 'mixed' : 'yes' });
    const comp = [55, 65, 75, 85, 95][target] ?? 95;
    setScores(m, INDICATOR_IDS_LEVELLED.map(() => round(Math.min(99.9, Math.max(0.5, comp + (r() - 0.5) * 10)), 2)));
    setScenarios(m, r, 0.6 + r() * 0.4, target + (r() < 0.5 ? 1 : 0), i % 3 === 0 ? 0.08 : 0);
    out.push({ label: `tier target ${target} #${i}`, values: m });
  }
  return out;
}

function randomSets(n: number): AnswerSet[] {
  const out: AnswerSet[] = [];
  const r = rng(2025);
  for (let i = 0; i < n; i++) {
    const m = base(r, { decl: 'mixed' });
    const pWrong = i % 4 === 0 ? 0 : r() * 0.3;
    for (const id of INDICATOR_IDS_LEVELLED) randomIndicator(m, r, id, pWrong);
    setScenarios(m, r, r(), 4, i % 2 === 0 ? 0.05 : 0);
    if (i % 17 === 0) for (const k of [FIELD.maturity, FIELD.city, FIELD.county]) m.set(k, null);
    out.push({ label: `random #${i}`, values: m });
  }
  return out;
}

function edgeSets(): AnswerSet[] {
  const r = rng(3);
  const out: AnswerSet[] = [];
  const empty = new Map<string, CellValue>();
  out.push({ label: 'empty workbook', values: empty });
  const allNa = base(r);
  setScores(allNa, INDICATOR_IDS_LEVELLED.map((id) => (NA_ALLOWED.has(id) ? 'NA' : 50)));
  setScenarios(allNa, r, 1, 4, 0);
  out.push({ label: 'every N/A allowed', values: allNa });
  const zeros = base(r);
  setScores(zeros, Array(9).fill(0));
  out.push({ label: 'all level 1 with 0', values: zeros });
  const slash = base(r, { maturity: 5 });
  setScores(slash, Array(9).fill(95));
  for (let id = 1; id <= 40; id++) {
    const missing = TIER_KEYS.filter((t) => !ratable(id).includes(t));
    slash.set(FIELD.tier(id), missing.length > 0 ? TIER_LABELS[missing[0] ?? 'basic'] : TIER_LABELS.leading);
  }
  out.push({ label: 'every 「/」 tier chosen', values: slash });
  const unreadable = base(r, { maturity: 3 });
  setScores(unreadable, Array(9).fill(75));
  for (let id = 1; id <= 40; id++) unreadable.set(FIELD.tier(id), id % 3 === 0 ? '高级' : TIER_LABELS.excellent);
  out.push({ label: 'unreadable tiers', values: unreadable });
  return out;
}

export function answerSets(randomCount: number): AnswerSet[] {
  return [...edgeSets(), ...thresholdSets(), ...tierSets(), ...randomSets(randomCount)];
}
