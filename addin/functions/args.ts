// Turning Excel arguments into the core's raw input. Excel passes scalars for single cells and row-major
// matrices for ranges; blank cells arrive as "" or null. Anything else is an argument error, not a guess.
import {
  INDICATOR_IDS_LEVELLED,
  RULESET_2025,
  SCENARIOS,
  cleanText,
  type Finding,
  type RawAnswers,
  type RawScalar,
  type Scenario,
} from '../../core/index.ts';
import { invalidValue } from './errors.ts';

export type Cell = string | number | boolean | null;

/** One cell's value; a blank or missing argument is null. */
export function cell(v: unknown, label: string): Cell {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw invalidValue(`「${label}」不是有限数值。`);
    return v;
  }
  if (Array.isArray(v)) {
    const flat = cells(v, label);
    if (flat.length === 1) return flat[0] ?? null;
    throw invalidValue(`「${label}」应为单个单元格，收到 ${flat.length} 个单元格。`);
  }
  throw invalidValue(`「${label}」的值无法识别。`);
}

/** All cells of a range, row by row (a 1×n row and an n×1 column read the same). */
export function cells(v: unknown, label: string): Cell[] {
  if (!Array.isArray(v)) return [cell(v, label)];
  const out: Cell[] = [];
  for (const row of v) {
    if (Array.isArray(row)) for (const x of row) out.push(cell(x, label));
    else out.push(cell(row, label));
  }
  return out;
}

const blank = (c: Cell): boolean => c === null || (typeof c === 'string' && cleanText(c) === '');

/** A whole number in [min, max], given as a number or as digits in text. */
function wholeNumber(v: unknown, label: string, min: number, max: number): number {
  const c = cell(v, label);
  const n = typeof c === 'number' ? c : typeof c === 'string' && /^\s*\d+\s*$/.test(c) ? Number(c) : NaN;
  if (blank(c)) throw invalidValue(`「${label}」未填写，应为 ${min}–${max} 的整数。`);
  if (!Number.isInteger(n) || n < min || n > max) throw invalidValue(`「${label}」应为 ${min}–${max} 的整数，收到「${String(c)}」。`);
  return n;
}

/** Indicator number 1–10. */
export const indicatorId = (v: unknown): number => wholeNumber(v, '指标编号', 1, 10);

/** Indicator number of one with levels (1–6, 8–10); 7 is an amount. */
export function levelledIndicatorId(v: unknown): number {
  const id = indicatorId(v);
  if (id === 7) throw invalidValue('指标7「数字化投入规模」填写投入金额，没有等级和分数；请使用指标 1–6、8–10。');
  return id;
}

/** Scenario by number 1–40, or by its name (D4's, or D1's where it differs). */
export function scenarioOf(v: unknown): Scenario {
  const c = cell(v, '场景');
  if (typeof c === 'string' && !/^\s*\d+\s*$/.test(c) && !blank(c)) {
    const name = cleanText(c);
    const s = SCENARIOS.find((x) => x.name === name || x.aliases.includes(name));
    if (!s) throw invalidValue(`场景「${name}」不存在，请填写场景编号 1–40 或场景名称。`);
    return s;
  }
  const id = wholeNumber(c, '场景编号', 1, 40);
  const s = SCENARIOS.find((x) => x.id === id);
  if (!s) throw invalidValue(`场景编号「${id}」不存在。`);
  return s;
}

type RawIndicator = NonNullable<RawAnswers['indicators']>[number];

/**
 * Levels and scores of the nine levelled indicators, from two ranges of 9 cells (indicators 1–6, 8–10) or
 * 10 cells (indicators 1–10, the 7th ignored: indicator 7 has amounts, not a level).
 */
export function levelledFromRanges(levels: unknown, scores: unknown): RawIndicator[] {
  const l = cells(levels, '等级区域');
  const s = cells(scores, '分数区域');
  if (l.length !== s.length) throw invalidValue(`等级区域有 ${l.length} 个单元格，分数区域有 ${s.length} 个，两者应一一对应。`);
  let ids: readonly (number | null)[];
  if (l.length === INDICATOR_IDS_LEVELLED.length) ids = INDICATOR_IDS_LEVELLED;
  else if (l.length === 10) ids = Array.from({ length: 10 }, (_, i) => (i === 6 ? null : i + 1));
  else throw invalidValue(`等级、分数区域应各有 9 个单元格（指标1–6、8–10）或 10 个单元格（指标1–10，第7个忽略），收到 ${l.length} 个。`);
  const out: RawIndicator[] = [];
  ids.forEach((id, i) => {
    if (id !== null) out.push({ id, level: l[i] ?? null, score: s[i] ?? null });
  });
  return out;
}

/** The 40 scenario tiers, in scenario order. */
export function scenarioTiersFromRange(tiers: unknown): { id: number; tier: RawScalar }[] {
  const t = cells(tiers, '场景等级区域');
  if (t.length !== RULESET_2025.scenarios.length) {
    throw invalidValue(`场景等级区域应有 ${RULESET_2025.scenarios.length} 个单元格（场景1–40），收到 ${t.length} 个。`);
  }
  return t.map((tier, i) => ({ id: i + 1, tier }));
}

/** The four 是/否 declarations of basic requirements (1)–(4), in the form's order. */
export function declarationsFromRange(v: unknown): Record<'scale' | 'compliance' | 'secure' | 'organization', Cell> {
  const d = cells(v, '基础要求声明区域');
  if (d.length !== 4) throw invalidValue(`基础要求声明区域应有 4 个单元格（基础要求第1–4条），收到 ${d.length} 个。`);
  return { scale: d[0] ?? null, compliance: d[1] ?? null, secure: d[2] ?? null, organization: d[3] ?? null };
}

/** An argument the core could not read is the caller's error: #VALUE! with the core's message. */
export function rejectUnreadable(findings: readonly Finding[], fields: (field: string) => boolean): void {
  const bad = findings.filter((f) => f.code === 'input/unreadable' && fields(f.where.field));
  const first = bad[0];
  if (first) throw invalidValue(bad.length > 1 ? `${first.message}（另有 ${bad.length - 1} 处无法识别）` : first.message);
}

/** Messages joined for one cell. */
export const joinMessages = (findings: readonly { readonly message: string }[]): string => findings.map((f) => f.message).join(' ');
