// The Chinese labels of every code stored in the database, so analysts can join instead of hard-coding.
import {
  FIELD, FINDING_MESSAGES_ZH, FIT_LABELS, MATURITY_LABELS, STAGE_LABELS, TIER_LABELS, UNMET_MESSAGES_ZH,
  type FindingCode, type UnmetCode,
} from '../../core/index.ts';
import { OUTCOME_LABELS_ZH, REJECTION_LABELS_ZH } from '../ingest/Outcome.ts';
import { PIPELINE_FINDING_LABELS_ZH } from '../parse/pipelineFindings.ts';

export interface LabelRow {
  readonly kind: string;
  readonly code: string;
  readonly label: string;
}

const FINDING_LABELS_ZH: Readonly<Record<FindingCode, string>> = {
  'input/normalised': '填写值已规范化',
  'input/unreadable': '填写值无法识别',
  'cell/required': '必填项未填写',
  'level/out-of-range': '等级无效',
  'level/na-not-allowed': '不可选「不涉及此环节」',
  'score/missing': '缺少自评分数',
  'score/out-of-band': '分数不在等级区间内',
  'score/without-level': '有分数无等级',
  'score/with-na': '「不涉及」却填了分数',
  'investment/negative': '投入金额为负',
  'investment/2024-exceeds-total': '2024年投入大于总投入',
  'scenario/unknown': '场景编号不存在',
  'scenario/tier-without-description': '场景该等级无描述',
  'uscc/format': '统一社会信用代码格式错误',
  'uscc/check-char': '统一社会信用代码校验位错误',
  'uscc/region-mismatch': '信用代码行政区划与所在地不符',
  'uscc/outside-jiangsu': '信用代码行政区划不在江苏',
  'region/unknown-city': '设区市无法识别',
  'region/unknown-county': '县（市、区）无法识别',
  'region/county-not-in-city': '县（市、区）不属于所填设区市',
  'industry/unknown': '行业不是制造业大类',
  'composite/incomplete': '综合得分无法计算',
  'tier/composite-below-threshold': '综合得分低于等级建议门槛',
};

const UNMET_LABELS_ZH: Readonly<Record<UnmetCode, string>> = {
  'unmet/declaration': '基础要求未确认',
  'unmet/composite': '综合得分未达要求',
  'unmet/scenarios': '建设场景数不足',
  'unmet/stages': '环节覆盖不足',
  'unmet/maturity': '成熟度不足',
  'unmet/composite-threshold': '综合得分低于建议门槛',
};

const rows = (kind: string, table: Readonly<Record<string | number, string>>): LabelRow[] =>
  Object.entries(table).map(([code, label]) => ({ kind, code, label }));

/** Every (kind, code) → Chinese label row for the `labels` table. */
export function labelRows(): LabelRow[] {
  // Keep the compile-time link to the core's code lists: a new code there fails the build here.
  void FINDING_MESSAGES_ZH;
  void UNMET_MESSAGES_ZH;
  return [
    ...rows('tier', TIER_LABELS),
    ...rows('stage', STAGE_LABELS),
    ...rows('maturity', MATURITY_LABELS),
    ...rows('fit', FIT_LABELS),
    ...rows('severity', { error: '错误', warning: '警告', info: '提示' }),
    ...rows('outcome', OUTCOME_LABELS_ZH),
    ...rows('reason', REJECTION_LABELS_ZH),
    ...rows('finding', { ...FINDING_LABELS_ZH, ...PIPELINE_FINDING_LABELS_ZH }),
    ...rows('unmet', UNMET_LABELS_ZH),
    ...rows('located_by', { 'defined-names': '按定义名称定位', 'cell-map': '按模板版本单元格映射定位' }),
    ...rows('field', { [FIELD.composite]: '综合得分', [FIELD.suggestedTier]: '建议场景自评等级', [FIELD.referenceTier]: '参考等级' }),
  ];
}
