// Formula builders: plain functions from cell references (and ruleset data) to formula text without the
// leading 「=」. Only functions that Excel 2010, WPS and LibreOffice evaluate alike: IF/AND/OR/NOT, SUM,
// COUNTIF(S), INDEX/MATCH, CHOOSE, ROUND, INT, LEN, LEFT, MID, FIND, ISNUMBER, ISNA, IFERROR, INDIRECT, MOD,
// SUMPRODUCT. No dynamic arrays, LET, LAMBDA, XLOOKUP, IFS, TEXTJOIN or CONCAT.
import {
  BASIC_COMPOSITE_MIN,
  formatInterval,
  MATURITY_SHORT,
  STAGE_LABELS,
  TIER_LABELS,
  type Interval,
  type LevelBand,
  type MaturityLevel,
  type StageKey,
  type TierKey,
} from '../../core/index.ts';

/** An Excel string literal. */
export const str = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/** Excel's IF nested from a list of [condition, value] pairs, with a final default. */
export function ifChain(pairs: readonly (readonly [string, string])[], otherwise: string): string {
  return pairs.reduceRight((acc, [cond, val]) => `IF(${cond},${val},${acc})`, otherwise);
}

const cmpMin = (x: string, i: Interval): string => `${x}${i.minOpen ? '>' : '>='}${i.min}`;
const cmpMax = (x: string, i: Interval): string => `${x}${i.maxOpen ? '<' : '<='}${i.max}`;

export const NA_TEXT = '不涉及此环节';

// ---------------------------------------------------------------- one indicator (表2 row → _calc row)

/** "empty" | "scoreonly" | "L" (a level 1–6) | "NA" | "bad" (anything else in the level cell). */
export function indicatorKind(level: string, score: string): string {
  return `IF(${level}="",IF(${score}="","empty","scoreonly"),IF(ISNUMBER(${level}),IF(AND(${level}>=1,${level}<=6,${level}=INT(${level})),"L","bad"),IF(${level}=${str(NA_TEXT)},"NA","bad")))`;
}

/** Whether a numeric score lies in the band of level `lvl` (bands as data, 表3). */
export function inBand(lvl: string, score: string, bands: readonly LevelBand[]): string {
  const parts = bands.map((b) => `AND(${lvl}=${b.level},${cmpMin(score, b.band)},${cmpMax(score, b.band)})`);
  return `IF(ISNUMBER(${score}),OR(${parts.join(',')}),FALSE)`;
}

/** "ok" (valid, counts), "na" (validly not applicable) or "bad" (missing or wrong: the composite waits). */
export function indicatorStatus(kind: string, lvl: string, score: string, naAllowed: boolean, bands: readonly LevelBand[]): string {
  return `IF(${kind}="NA",${naAllowed ? '"na"' : '"bad"'},IF(${kind}="L",IF(${inBand(lvl, score, bands)},"ok","bad"),"bad"))`;
}

export function scaledScore(status: string, score: string, scale: number): string {
  return `IF(${status}="ok",ROUND(${score}*${scale},0),0)`;
}

/** The check column: what is wrong, in words (empty when nothing is). Mirrors core's findings per indicator. */
export function indicatorCheck(
  kind: string,
  level: string,
  lvl: string,
  score: string,
  naAllowed: boolean,
  naIds: readonly number[],
  bands: readonly LevelBand[],
): string {
  const naHint = naAllowed ? '或「不涉及此环节」' : '';
  const bandText = `CHOOSE(${lvl},${bands.map((b) => str(formatInterval(b.band))).join(',')})`;
  const naBranch = naAllowed
    ? `IF(${score}="","",${str('已选择「不涉及此环节」，分数 ')}&${score}&${str(' 不参与计算，请清空分数。')})`
    : str(`不可选择「不涉及此环节」（仅指标${naIds.join('、')}可选），请选择 1–6 级。`);
  const levelled = ifChain(
    [
      [`${score}=""`, `"已选择"&${lvl}&"级，请填写自评分数，范围 "&${bandText}&"。"`],
      [`NOT(ISNUMBER(${score}))`, `"分数「"&${score}&"」不是数字，请填写数字分数。"`],
      [inBand(lvl, score, bands), '""'],
      [`${lvl}=1`, `"选择1级时分数只能为 0，当前为 "&${score}&"；请改为 0 或调整等级。"`],
    ],
    `"选择"&${lvl}&"级时分数应在 "&${bandText}&" 之间，当前为 "&${score}&"；请调整分数或等级。"`,
  );
  return ifChain(
    [
      [`${kind}="empty"`, str(`未选择等级，请选择 1–6 级${naHint}。`)],
      [`${kind}="scoreonly"`, `"填写了分数 "&${score}&" 但未选择等级，请先选择等级。"`],
      [`${kind}="bad"`, `"等级「"&${level}&"」无效，请选择 1–6 级${naHint}。"`],
      [`${kind}="NA"`, naBranch],
    ],
    levelled,
  );
}

/** 符合程度 of a valid score inside its level's band (表3's sub-bands, as data). */
export function fitText(kind: string, status: string, lvl: string, score: string, bands: readonly LevelBand[]): string {
  const perLevel = bands
    .filter((b) => b.fits.length > 0)
    .map((b) => {
      const fits = b.fits;
      const last = fits[fits.length - 1];
      const chain = ifChain(
        fits.slice(0, -1).map((f) => [cmpMax(score, f), str(f.label)] as const),
        str(last?.label ?? ''),
      );
      return [`${lvl}=${b.level}`, chain] as const;
    });
  return ifChain([[`${status}<>"ok"`, `IF(${kind}="NA","不涉及","")`]], ifChain(perLevel, '"—"'));
}

// ---------------------------------------------------------------- indicator 7 under an agency banding (R1)

export function indicator7Score(amount: string, steps: readonly { atLeast: number; score: number }[]): string {
  const pairs = [...steps].reverse().map((s) => [`${amount}>=${s.atLeast}`, String(s.score)] as const);
  return `IF(ISNUMBER(${amount}),${ifChain(pairs, '0')},"")`;
}

// ---------------------------------------------------------------- composite (R3: exact at thresholds)

export const compositeValue = (bad: string, scored: string, sum: string, scale: number): string =>
  `IF(OR(${bad}>0,${scored}=0),"",${sum}/(${scale}*${scored}))`;

/** composite > T decided on integers: Σ round(score·10^d) > T·10^d·n. */
export const compositeAbove = (complete: string, sum: string, scored: string, threshold: number, scale: number): string =>
  `AND(${complete},${sum}>${Math.round(threshold * scale)}*${scored})`;

/** The label of the highest tier whose flag holds, else 「未达到」. */
export function highestTier(flags: readonly (readonly [TierKey, string])[]): string {
  return ifChain([...flags].reverse().map(([t, f]) => [f, str(TIER_LABELS[t])] as const), str('未达到'));
}

// ---------------------------------------------------------------- scenarios

/**
 * A scenario's effective rank: 0 not rated, 1..4 rated (基础级..领航级), -1 rated at a tier without
 * description (counts nowhere, R4), -2 unreadable.
 */
export function scenarioRank(tier: string, has: Readonly<Record<TierKey, boolean>>, order: readonly TierKey[]): string {
  const pairs = order.map((t, i) => [`${tier}=${str(TIER_LABELS[t])}`, has[t] ? String(i + 1) : '-1'] as const);
  return `IF(${tier}="",0,${ifChain(pairs, '-2')})`;
}

export function scenarioCheck(rank: string, tier: string, allowedLabels: readonly string[]): string {
  const allowed = allowedLabels.join('、');
  return ifChain(
    [
      [`${rank}=-1`, `"本场景在"&${tier}&"没有描述（表中为「/」），不能自评为该等级；请改选 ${allowed} 或不选。该场景暂不计入任何等级。"`],
      [`${rank}=-2`, `"「"&${tier}&"」无法识别，请从下拉列表选择 ${allowed} 或不选。"`],
    ],
    '""',
  );
}

export const tierCount = (ranks: string, k: number, cumulative: boolean): string =>
  cumulative ? `COUNTIF(${ranks},">=${k}")` : `COUNTIF(${ranks},${k})`;

export const stageCount = (ranks: string, stages: string, k: number, stage: StageKey, cumulative: boolean): string =>
  `COUNTIFS(${ranks},${cumulative ? `">=${k}"` : k},${stages},${str(STAGE_LABELS[stage])})`;

// ---------------------------------------------------------------- tier conditions and what is missing

/** 「生产管理、运营管理」 from the stage counts (empty when all are covered). */
export function uncoveredStages(counts: readonly (readonly [StageKey, string])[]): string {
  const joined = counts.map(([s, c]) => `IF(${c}=0,${str(`${STAGE_LABELS[s]}、`)},"")`).join('&');
  return `IF(LEN(${joined})=0,"",LEFT(${joined},LEN(${joined})-1))`;
}

export const maturityRank = (maturity: string, list: string): string =>
  `IF(ISNUMBER(${maturity}),IF(AND(${maturity}>=1,${maturity}<=5,${maturity}=INT(${maturity})),${maturity},0),IFERROR(MATCH(LEFT(${maturity},2),${list},0),0))`;

const round2 = (x: string): string => `ROUND(${x},2)`;

export interface UnmetRefs {
  readonly declarations: readonly { readonly cell: string; readonly no: number; readonly label: string }[];
  readonly composite: string;
  readonly above60: string;
  readonly count: string;
  readonly uncovered: string;
  readonly maturityRank: string;
  readonly aboveThreshold: string | null;
}

/** What is unmet for one tier, in words (core's UNMET messages, in the same order). */
export function unmetText(
  tier: TierKey,
  cond: { readonly minScenarios: number; readonly minMaturity: MaturityLevel; readonly compositeThreshold: number },
  r: UnmetRefs,
): string {
  const label = TIER_LABELS[tier];
  const need = MATURITY_SHORT[cond.minMaturity];
  const mats = ([1, 2, 3, 4, 5] as const).map((m) => str(MATURITY_SHORT[m])).join(',');
  const parts = [
    ...r.declarations.map((d) => `IF(${d.cell}<>"是",${str(`基础要求第${d.no}条「${d.label}」尚未确认为「是」。`)},"")`),
    `IF(${r.above60},"",IF(${r.composite}="",${str(`数字化转型自评价综合得分尚未算出，须高于${BASIC_COMPOSITE_MIN}分。`)},"数字化转型自评价综合得分须高于 ${BASIC_COMPOSITE_MIN} 分，当前 "&${round2(r.composite)}&" 分，还差 "&${round2(`${BASIC_COMPOSITE_MIN}-${r.composite}`)}&" 分以上。"))`,
    `IF(${r.count}>=${cond.minScenarios},"","还差 "&(${cond.minScenarios}-${r.count})&" 个${label}及以上场景（已有 "&${r.count}&" 个，需 ${cond.minScenarios} 个）。")`,
    `IF(${r.uncovered}="","","未覆盖环节："&${r.uncovered}&"（需有${label}及以上场景）。")`,
    `IF(${r.maturityRank}>=${cond.minMaturity},"",IF(${r.maturityRank}=0,${str(`智能制造能力成熟度未填写，须达到${need}及以上。`)},"智能制造能力成熟度需达到${need}及以上，当前为"&CHOOSE(${r.maturityRank},${mats})&"。"))`,
  ];
  if (r.aboveThreshold !== null) {
    parts.push(
      `IF(${r.aboveThreshold},"","综合得分建议高于 ${cond.compositeThreshold} 分再开展${label}场景自评（当前 "&IF(${r.composite}="","未算出",${round2(r.composite)}&" 分")&"）。")`,
    );
  }
  return parts.join('&');
}

// ---------------------------------------------------------------- enterprise checks

export const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** GB 32100: 18 valid characters, the last the check character. */
export function usccCheck(u: string): string {
  const chars = str(USCC_CHARS);
  const pos18 = `{${Array.from({ length: 18 }, (_, i) => i + 1).join(',')}}`;
  const pos17 = `{${Array.from({ length: 17 }, (_, i) => i + 1).join(',')}}`;
  const weights = `{${USCC_WEIGHTS.join(',')}}`;
  const valid = `SUMPRODUCT(--ISNUMBER(FIND(MID(${u},${pos18},1),${chars})))=18`;
  const sum = `SUMPRODUCT((FIND(MID(${u},${pos17},1),${chars})-1)*${weights})`;
  const expected = `MID(${chars},MOD(31-MOD(${sum},31),31)+1,1)`;
  return ifChain(
    [
      [`${u}=""`, str('必填：请填写18位统一社会信用代码。')],
      [`LEN(${u})<>18`, `"应为18位，当前"&LEN(${u})&"位；请核对营业执照。"`],
      [`NOT(${valid})`, str('含无效字符：应由数字和大写字母（不含 I、O、Z、S、V）组成。')],
      [`EXACT(MID(${u},18,1),${expected})`, '""'],
    ],
    `"校验位错误（第18位应为「"&${expected}&"」），请核对营业执照。"`,
  );
}

export const requiredCheck = (cell: string, message: string): string => `IF(${cell}="",${str(message)},"")`;

export const inListCheck = (cell: string, list: string, missing: string, wrong: string): string =>
  `IF(${cell}="",${str(missing)},IF(ISNA(MATCH(${cell},${list},0)),${str(wrong)},""))`;

export function countyCheck(county: string, city: string, cities: string, prefix: string): string {
  return ifChain(
    [
      [`${county}=""`, str('请选择县（市、区）。')],
      [`${city}=""`, str('请先选择设区市。')],
      [`ISNA(MATCH(${city},${cities},0))`, '""'],
      [`ISNA(MATCH(${county},INDIRECT(${str(prefix)}&${city}),0))`, `"「"&${county}&"」不属于「"&${city}&"」，请重新选择。"`],
    ],
    '""',
  );
}

export const declarationCheck = (cell: string): string =>
  `IF(${cell}="","请选择「是」或「否」。",IF(${cell}="是","",IF(${cell}="否","未满足该项基础要求，不能评定智能工厂等级。","请选择「是」或「否」。")))`;

export const dateCheck = (cell: string): string =>
  `IF(${cell}="","请填写填报日期。",IF(ISNUMBER(${cell}),"","请填写日期，如 2025-06-30。"))`;
