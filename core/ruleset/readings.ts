// The Readings of RULES.md: interpretations where the documents are silent. Each is named data with its
// documentation, so the README, the workbook's 填报说明 and `sfe rules` show them, and an agency can override
// the values with a JSON file (see ruleset/overrides.ts).
import type { StageKey } from './types.ts';

/** An agency-supplied banding that turns indicator 7's amounts (万元) into a 0–100 score. */
export interface Indicator7Banding {
  /** Which amount is banded: the total since 2014 or the 2024 amount. */
  readonly basis: 'total' | '2024';
  /** Steps in increasing `atLeast`; the score is that of the highest step reached (0 below the first). */
  readonly steps: readonly { readonly atLeast: number; readonly score: number }[];
}

export interface ReadingValues {
  /** R1 indicator 7 is recorded but not scored unless a banding is configured. */
  readonly indicator7Banding: Indicator7Banding | null;
  /** R2 text such as 「15分」「１５」「2级」 is normalised with a warning instead of being rejected. */
  readonly normaliseText: boolean;
  /** R3 scores are compared at this precision (scaled to integers) so the thresholds are exact. */
  readonly scorePrecisionDigits: number;
  /** R4 a scenario rated at a tier without description is an error and counts at no tier. */
  readonly tierWithoutDescriptionCounts: false;
  /** R5 a scenario rated at tier T counts as built at every tier up to T. */
  readonly cumulativeTiers: boolean;
  /** R6 the reference tier is the highest tier whose every condition holds. */
  readonly compositeThresholdStrict: boolean;
  /** R7 which of D2's five 环节 each of D4's 40 scenarios covers. */
  readonly stageOfScenario: Readonly<Record<number, StageKey>>;
}

export interface ReadingDoc {
  readonly key: keyof ReadingValues | 'maturitySelfAssessed';
  readonly id: string;
  /** Chinese statement shown to users (填报说明, report). */
  readonly zh: string;
  /** English statement for the README and analysts. */
  readonly en: string;
}

const range = (a: number, b: number): number[] => Array.from({ length: b - a + 1 }, (_, i) => a + i);

function stageMap(): Record<number, StageKey> {
  const m: Record<number, StageKey> = {};
  const put = (stage: StageKey, ids: number[]): void => ids.forEach((id) => (m[id] = stage));
  put('factory', [1, 2, 31, 32, 33]);
  put('rnd', [3, 4, 5, 6, 34]);
  put('production', range(9, 13));
  put('management', [7, 8, ...range(14, 24)]);
  put('operations', [...range(25, 30), ...range(35, 40)]);
  return m;
}

export const DEFAULT_READINGS: ReadingValues = {
  indicator7Banding: null,
  normaliseText: true,
  scorePrecisionDigits: 6,
  tierWithoutDescriptionCounts: false,
  cumulativeTiers: true,
  compositeThresholdStrict: false,
  stageOfScenario: stageMap(),
};

export const READING_DOCS: readonly ReadingDoc[] = [
  {
    key: 'indicator7Banding',
    id: 'R1',
    zh: '指标7「数字化投入规模」只记录投入金额，不计分；综合得分为其余参与计分指标（最多9项）得分的平均值。主管部门可在规则文件中配置金额分档，届时指标7参与计分。',
    en: 'Indicator 7 (digital investment) is recorded but not scored; the composite is the mean of the scored, applicable indicators (9 at most). An agency may configure an amount banding, and then 7 is scored.',
  },
  {
    key: 'normaliseText',
    id: 'R2',
    zh: '分数可带小数，须为所选等级分段内的有限数值。「15分」、全角「１５」、「2级」等写法会被自动规范化并给出提示，不作拒收。',
    en: 'Scores may carry decimals; they must be finite and inside the chosen level\'s band. Text such as 「15分」, full-width 「１５」 or 「2级」 is normalised with a warning, not rejected.',
  },
  {
    key: 'scorePrecisionDigits',
    id: 'R3',
    zh: '综合得分与 60/70/80/90 分门槛的比较按精确平均值进行（分数按百万分之一取整后以整数运算），避免浮点误差使恰好 90 分被判为高于 90 分。',
    en: 'Threshold comparisons use the exact mean: scores are scaled to integers (10^-6) before summing, so a mean of exactly 90 is not "above 90" by floating-point noise.',
  },
  {
    key: 'tierWithoutDescriptionCounts',
    id: 'R4',
    zh: '场景在无描述（表中为「/」）的等级上自评视为填报错误，在更正前该场景不计入任何等级。请改选有描述的等级或不选。',
    en: 'A scenario rated at a tier that has no description (「/」) is an error; until corrected it counts at no tier.',
  },
  {
    key: 'cumulativeTiers',
    id: 'R5',
    zh: '每个场景按其达到的最高等级自评；自评为某等级的场景，同时计入该等级及以下各等级的建设场景数。',
    en: 'Each scenario is rated at the highest tier it meets; a scenario rated at tier T counts as built at every tier up to T.',
  },
  {
    key: 'maturitySelfAssessed',
    id: 'R6',
    zh: '智能制造能力成熟度（GB/T 39116-2020 一级至五级）为企业另行自评的结果，本表只记录和核对，不作计算。',
    en: 'The GB/T 39116-2020 maturity level is a self-assessed input from a separate assessment; it is recorded and checked, not computed.',
  },
  {
    key: 'stageOfScenario',
    id: 'R7',
    zh: '要素条件中的五个环节与自评价参考的场景对应：工厂建设=场景1、2、31–33；研发设计=3–6、34；生产作业=9–13；生产管理=7、8、14–24；运营管理=25–30、35–40。',
    en: 'Scenario-to-stage mapping: 工厂建设 = 1, 2, 31–33; 研发设计 = 3–6, 34; 生产作业 = 9–13; 生产管理 = 7, 8, 14–24; 运营管理 = 25–30, 35–40.',
  },
  {
    key: 'compositeThresholdStrict',
    id: 'R8',
    zh: '参考等级为各项条件全部满足的最高等级。综合得分未达到某等级建议的场景自评门槛（70/80/90分）时给出提示，不降低参考等级；主管部门可在规则文件中改为严格条件。基础要求第5条（高于60分）始终为必备条件。',
    en: 'The reference tier is the highest tier whose every condition holds. A composite below a tier\'s suggestion threshold (70/80/90) is a warning, not a lower tier, unless an agency makes it strict. Basic requirement 5 (> 60) always applies.',
  },
];
