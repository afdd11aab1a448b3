// Normalisers from raw cell values (what a person typed, in any of its usual forms) to canonical values.
// Each returns the value and, where the input was not in canonical form, a note of what was changed; the
// caller turns notes into `input/normalised` warnings. An input that cannot be read returns `unreadable`.
import type { DeclarationKey, LevelNumber, MaturityLevel, TierKey } from '../ruleset/types.ts';
import { chineseDigit, cleanText, collapseSpaces, compactText } from './text.ts';

export type RawScalar = string | number | boolean | null | undefined;

export type Normalised<T> =
  | { readonly ok: true; readonly value: T | null; readonly changed: boolean }
  | { readonly ok: false; readonly hint: string };

const ok = <T>(value: T | null, changed = false): Normalised<T> => ({ ok: true, value, changed });
const bad = <T>(hint: string): Normalised<T> => ({ ok: false, hint });

const isBlank = (raw: RawScalar): raw is null | undefined => raw === null || raw === undefined || (typeof raw === 'string' && cleanText(raw) === '');

/** Finite number; text such as 「15分」「１５」「1,200万元」 is read with a change note. */
export function normaliseNumber(raw: RawScalar, unit: '分' | '万元' = '分'): Normalised<number> {
  if (isBlank(raw)) return ok(null);
  if (typeof raw === 'number') return Number.isFinite(raw) ? ok(raw) : bad('请填写有限数值。');
  if (typeof raw === 'boolean') return bad('请填写数字。');
  const t = compactText(raw)
    .replace(/,/g, '')
    .replace(unit === '分' ? /分$/ : /万元$|万$|元$/, '');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t)) return bad(unit === '分' ? '请填写数字分数，如 15 或 15.5。' : '请填写以万元为单位的数字金额。');
  return ok(Number(t), true);
}

const NA_FORMS = new Set(['不涉及此环节', '不涉及', '不适用', 'NA', 'N/A', 'na', 'n/a', '□不涉及此环节']);
export const NA_CANONICAL = '不涉及此环节';

/** Level 1–6 or 'NA'. Canonical: the number 1–6 or 「不涉及此环节」. */
export function normaliseLevel(raw: RawScalar): Normalised<LevelNumber | 'NA'> {
  if (isBlank(raw)) return ok(null);
  if (typeof raw === 'number') {
    return Number.isInteger(raw) && raw >= 1 && raw <= 6 ? ok(raw as LevelNumber) : bad('等级应为 1–6 的整数。');
  }
  if (typeof raw === 'boolean') return bad('等级应为 1–6 的整数。');
  const t = compactText(raw);
  // 'NA' is the answers JSON's own spelling (the contract of `sfe evaluate`), so it is canonical too.
  if (raw === NA_CANONICAL || raw === 'NA') return ok('NA');
  if (NA_FORMS.has(t)) return ok('NA', true);
  const m = /^(?:第|等级|level|L)?([1-6一二三四五六])(?:级|\.0*)?$/i.exec(t);
  const d = m?.[1];
  if (d) return ok((chineseDigit(d) ?? Number(d)) as LevelNumber, true);
  return bad('请选择 1–6 级。');
}

const TIER_FORMS: ReadonlyArray<readonly [TierKey, readonly string[]]> = [
  ['basic', ['基础级', '基础', 'basic', '基础级智能工厂']],
  ['advanced', ['先进级', '先进', 'advanced', '先进级智能工厂']],
  ['excellent', ['卓越级', '卓越', 'excellent', '卓越级智能工厂']],
  ['leading', ['领航级', '领航', 'leading', '领航级智能工厂']],
];
export const TIER_CANONICAL: Readonly<Record<TierKey, string>> = {
  basic: '基础级',
  advanced: '先进级',
  excellent: '卓越级',
  leading: '领航级',
};
const NONE_FORMS = new Set(['无', '未建设', '未达到', '不涉及', '-', '—', '/', '否', 'none']);

/**
 * A scenario or factory tier. Canonical: the Chinese label or the English key. Empty, 「无」 and the like
 * mean "not built".
 */
export function normaliseTier(raw: RawScalar): Normalised<TierKey> {
  if (isBlank(raw)) return ok(null);
  if (typeof raw !== 'string') return bad('请从下拉列表选择基础级、先进级、卓越级或领航级。');
  for (const [key] of TIER_FORMS) {
    if (raw === TIER_CANONICAL[key] || raw === key) return ok(key);
  }
  const t = compactText(raw).toLowerCase();
  if (NONE_FORMS.has(t)) return ok(null, true);
  for (const [key, forms] of TIER_FORMS) if (forms.includes(t)) return ok(key, true);
  return bad('请从下拉列表选择基础级、先进级、卓越级或领航级。');
}

const MATURITY_NAMES: Readonly<Record<string, MaturityLevel>> = { 规划级: 1, 规范级: 2, 集成级: 3, 优化级: 4, 引领级: 5 };
export const MATURITY_CANONICAL: Readonly<Record<MaturityLevel, string>> = { 1: '一级', 2: '二级', 3: '三级', 4: '四级', 5: '五级' };

/** GB/T 39116 maturity 1–5. Canonical: 「一级」…「五级」 or the number. */
export function normaliseMaturity(raw: RawScalar): Normalised<MaturityLevel> {
  if (isBlank(raw)) return ok(null);
  if (typeof raw === 'number') {
    return Number.isInteger(raw) && raw >= 1 && raw <= 5 ? ok(raw as MaturityLevel) : bad('成熟度应为一级至五级。');
  }
  if (typeof raw !== 'string') return bad('成熟度应为一级至五级。');
  if (Object.values(MATURITY_CANONICAL).includes(raw)) return ok((chineseDigit(raw.charAt(0)) ?? 0) as MaturityLevel);
  const t = compactText(raw);
  // Anchored, so 「10」 or 「2.5」 is unreadable rather than read as its first digit; 「四级（优化级）」 still reads.
  const m = /^(?:L)?([1-5一二三四五])(?:\.0+)?(?:级)?(?:[(（]?(?:规划|规范|集成|优化|引领)级[)）]?)?$/i.exec(t);
  const d = m?.[1];
  if (d) return ok((chineseDigit(d) ?? Number(d)) as MaturityLevel, true);
  const named = Object.entries(MATURITY_NAMES).find(([name]) => t.includes(name));
  if (named) return ok(named[1], true);
  return bad('请从下拉列表选择一级至五级。');
}

const YES = new Set(['是', 'y', 'yes', 'true', '√', '✓', '1', '符合']);
const NO = new Set(['否', 'n', 'no', 'false', '×', '✗', '0', '不符合']);

/** A 是/否 declaration. Canonical: 「是」「否」 or a boolean. */
export function normaliseYesNo(raw: RawScalar): Normalised<boolean> {
  if (isBlank(raw)) return ok(null);
  if (typeof raw === 'boolean') return ok(raw);
  if (raw === '是') return ok(true);
  if (raw === '否') return ok(false);
  const t = compactText(String(raw)).toLowerCase();
  if (YES.has(t)) return ok(true, true);
  if (NO.has(t)) return ok(false, true);
  return bad('请选择「是」或「否」。');
}

/** Free text: trimmed, spaces collapsed; full-width punctuation kept (「某某（苏州）有限公司」 is a proper name). */
export function normaliseFreeText(raw: RawScalar): Normalised<string> {
  if (isBlank(raw)) return ok(null);
  const s = String(raw);
  const t = collapseSpaces(s);
  return ok(t, t !== s);
}

/** A code (USCC): half-width, upper case, no spaces. */
export function normaliseCode(raw: RawScalar): Normalised<string> {
  if (isBlank(raw)) return ok(null);
  const s = String(raw);
  const t = compactText(s).toUpperCase();
  return ok(t, t !== s);
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** A date as YYYY-MM-DD: from an ISO/Chinese-format string or an Excel serial number (1900 system). */
export function normaliseDate(raw: RawScalar): Normalised<string> {
  if (isBlank(raw)) return ok(null);
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw) || raw < 1 || raw > 2958465) return bad('请填写日期，如 2025-06-30。');
    return ok(new Date(EXCEL_EPOCH_MS + Math.round(raw * 86400000)).toISOString().slice(0, 10), false);
  }
  if (typeof raw !== 'string') return bad('请填写日期，如 2025-06-30。');
  const t = compactText(raw);
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:T.*)?$/.exec(t);
  if (!m) return bad('请填写日期，如 2025-06-30。');
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return bad('日期不存在，请核对。');
  const iso = date.toISOString().slice(0, 10);
  return ok(iso, iso !== raw);
}

export const DECLARATION_LABELS: Readonly<Record<DeclarationKey, string>> = {
  scale: '规模以上工业企业（或创新型中小企业、专精特新企业）',
  compliance: '近三年经营正常、诚信守法、无重大事故',
  secure: '关键装备与软件安全可控，网络和数据安全风险可控',
  organization: '已建立智能工厂组织机制，拥有智能制造专业人才',
};
