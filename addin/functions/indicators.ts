// Worksheet functions for one indicator: its score band, fit sub-band, level text and the level+score check.
import {
  FIT_LABELS,
  INDICATORS,
  MISSING_TEXT,
  NA_CANONICAL,
  RULESET_2025,
  bandOf,
  evaluateRaw,
  fitFor,
  formatInterval,
  inInterval,
  levelAnswer,
  normaliseLevel,
  normaliseNumber,
  type Finding,
  type LevelNumber,
} from '../../core/index.ts';
import { cell, joinMessages, levelledIndicatorId } from './args.ts';
import { invalidValue, notAvailable } from './errors.ts';

function levelOf(v: unknown): LevelNumber | 'NA' {
  const n = normaliseLevel(cell(v, '等级'));
  if (!n.ok) throw invalidValue(`等级「${String(v)}」无法识别；${n.hint}`);
  if (n.value === null) throw invalidValue('等级未填写，应为 1–6 级或「不涉及此环节」。');
  return n.value;
}

/** The core's findings about one indicator's level and score, and the normalised answer. */
function indicatorCheck(id: number, level: unknown, score: unknown): { findings: Finding[]; level: LevelNumber | 'NA' | null; score: number | null } {
  const raw = { indicators: [{ id, level: cell(level, '等级'), score: cell(score, '分数') }] };
  const { answers, evaluation } = evaluateRaw(raw, RULESET_2025);
  const a = levelAnswer(answers, id);
  return { findings: evaluation.issues.filter((f) => f.where.indicator === id), level: a.level, score: a.score };
}

/**
 * 某一等级的自评分数段（表3），如「[20, 40)」；1级为 0。
 * @customfunction BAND BAND
 * @param level 等级：1–6
 * @returns 分数段，方括号含端点、圆括号不含端点
 */
export function band(level: unknown): string {
  const l = levelOf(level);
  if (l === 'NA') throw notAvailable('「不涉及此环节」不计分，没有分数段。');
  return formatInterval(bandOf(l).band);
}

/**
 * 分数在所选等级内的符合程度：基本符合、比较符合或非常符合（表3）。1级只有 0 分，不分档，返回空文本。
 * @customfunction FIT FIT
 * @param level 等级：1–6
 * @param score 自评分数
 * @returns 基本符合 / 比较符合 / 非常符合
 */
export function fit(level: unknown, score: unknown): string {
  const l = levelOf(level);
  if (l === 'NA') throw notAvailable('「不涉及此环节」不计分，没有符合程度。');
  const n = normaliseNumber(cell(score, '分数'));
  if (!n.ok) throw invalidValue(`分数「${String(score)}」无法识别；${n.hint}`);
  if (n.value === null) throw invalidValue(`分数未填写，${l}级的分数段为 ${formatInterval(bandOf(l).band)}。`);
  const b = bandOf(l).band;
  if (!inInterval(n.value, b)) throw invalidValue(`分数 ${n.value} 不在${l}级的分数段 ${formatInterval(b)} 内，请调整分数或等级。`);
  if (l === 1) return '';
  const f = fitFor(l, n.value);
  if (!f) throw invalidValue(`分数 ${n.value} 不在${l}级的分数段内。`);
  return FIT_LABELS[f.fit];
}

/**
 * 核对一项指标的等级与自评分数：无问题时返回空文本，否则返回问题说明。
 * @customfunction CHECK CHECK
 * @param indicator 指标编号：1–6、8–10
 * @param level 所选等级：1–6 或「不涉及此环节」
 * @param score 自评分数
 * @returns 空文本，或问题说明
 */
export function check(indicator: unknown, level: unknown, score: unknown): string {
  const id = levelledIndicatorId(indicator);
  return joinMessages(indicatorCheck(id, level, score).findings);
}

/**
 * 指标某一等级的官方描述（表2）。
 * @customfunction LEVELTEXT LEVELTEXT
 * @param indicator 指标编号：1–6、8–10
 * @param level 等级：1–6 或「不涉及此环节」
 * @returns 等级描述原文
 */
export function levelText(indicator: unknown, level: unknown): string {
  const id = levelledIndicatorId(indicator);
  const ind = INDICATORS.find((i) => i.id === id);
  if (!ind || ind.kind !== 'levelled') throw invalidValue(`指标${id}没有等级描述。`);
  const l = levelOf(level);
  if (l === 'NA') {
    if (!ind.naAllowed) throw invalidValue(`指标${id}不可选择「不涉及此环节」（仅指标1、5、6可选）。`);
    return NA_CANONICAL;
  }
  return ind.levels[l - 1] ?? MISSING_TEXT;
}
