// zh-CN messages keyed by code. Each tells the user what is wrong and what to do.
import type { FindingCode, Params, UnmetCode } from './Finding.ts';

const s = (v: unknown): string => (Array.isArray(v) ? v.join('、') : v === null || v === undefined ? '' : String(v));
const interval = (p: Params): string =>
  p.min === p.max ? `${s(p.min)}` : `${p.minOpen ? '(' : '['}${s(p.min)}, ${s(p.max)}${p.maxOpen ? ')' : ']'}`;

type Render = (p: Params) => string;

export const FINDING_MESSAGES_ZH: Readonly<Record<FindingCode, Render>> = {
  'input/normalised': (p) => `「${s(p.label)}」填写为「${s(p.from)}」，已按「${s(p.to)}」处理；请直接填写规范值。`,
  'input/unreadable': (p) => `「${s(p.label)}」的值「${s(p.from)}」无法识别；${s(p.hint)}`,
  'cell/required': (p) => `「${s(p.label)}」未填写，请补充。`,
  'level/out-of-range': (p) => `指标${s(p.indicator)}的等级「${s(p.from)}」无效，请选择 1–6 级${p.naAllowed ? '或「不涉及此环节」' : ''}。`,
  'level/na-not-allowed': (p) => `指标${s(p.indicator)}不可选择「不涉及此环节」（仅指标1、5、6可选），请选择 1–6 级。`,
  'score/missing': (p) => `指标${s(p.indicator)}已选择${s(p.level)}级，请填写自评分数，范围 ${interval(p)}。`,
  'score/out-of-band': (p) =>
    p.level === 1
      ? `指标${s(p.indicator)}选择1级时分数只能为 0，当前为 ${s(p.score)}；请改为 0 或调整等级。`
      : `指标${s(p.indicator)}选择${s(p.level)}级时分数应在 ${interval(p)} 之间，当前为 ${s(p.score)}；请调整分数或等级。`,
  'score/without-level': (p) => `指标${s(p.indicator)}填写了分数 ${s(p.score)} 但未选择等级，请先选择等级。`,
  'score/with-na': (p) => `指标${s(p.indicator)}已选择「不涉及此环节」，分数 ${s(p.score)} 不参与计算，请清空分数。`,
  'investment/negative': (p) => `「${s(p.label)}」不能为负数（当前 ${s(p.amount)} 万元），请填写实际投入金额。`,
  'investment/2024-exceeds-total': (p) =>
    `2024年投入（${s(p.amount2024)} 万元）大于2014年以来总投入（${s(p.total)} 万元），请核对两项金额。`,
  'scenario/unknown': (p) => `场景编号「${s(p.scenario)}」不存在，场景编号应为 1–40。`,
  'scenario/tier-without-description': (p) =>
    `场景${s(p.scenario)}「${s(p.name)}」在${s(p.tierLabel)}没有描述（表中为「/」），不能自评为该等级；请改选 ${s(p.allowed)} 或不选。该场景暂不计入任何等级。`,
  'uscc/format': (p) =>
    `统一社会信用代码「${s(p.from)}」格式不正确：应为18位，由数字和大写字母（不含 I、O、Z、S、V）组成${p.reason ? `（${s(p.reason)}）` : ''}。`,
  'uscc/check-char': (p) => `统一社会信用代码「${s(p.from)}」校验位错误（第18位应为「${s(p.expected)}」），请核对营业执照。`,
  'uscc/region-mismatch': (p) =>
    `统一社会信用代码中的登记机关行政区划（${s(p.codeDivision)}）与所填设区市「${s(p.cityName)}」不一致，请核对代码或所在地区。`,
  'uscc/outside-jiangsu': (p) => `统一社会信用代码中的登记机关行政区划（${s(p.codeDivision)}）不在江苏省，请核对。`,
  'region/unknown-city': (p) => `设区市「${s(p.from)}」无法识别，请从下拉列表选择江苏省13个设区市之一。`,
  'region/unknown-county': (p) => `县（市、区）「${s(p.from)}」无法识别，请从下拉列表选择。`,
  'region/county-not-in-city': (p) => `县（市、区）「${s(p.countyName)}」不属于「${s(p.cityName)}」，请重新选择。`,
  'industry/unknown': (p) => `行业「${s(p.from)}」不是国民经济行业分类（GB/T 4754-2017）制造业大类 13–43，请从下拉列表选择。`,
  'composite/incomplete': (p) => `综合得分暂无法计算：${s(p.missing)} 项指标的等级或分数缺失或有误，请先更正。`,
  'tier/composite-below-threshold': (p) =>
    `综合得分 ${s(p.composite)} 分未高于${s(p.tierLabel)}建议的场景自评门槛 ${s(p.threshold)} 分（参考等级不因此降低）。`,
};

export const UNMET_MESSAGES_ZH: Readonly<Record<UnmetCode, Render>> = {
  'unmet/declaration': (p) => `基础要求第${s(p.no)}条「${s(p.label)}」尚未确认为「是」。`,
  'unmet/composite': (p) =>
    p.composite === null
      ? '数字化转型自评价综合得分尚未算出，须高于60分。'
      : `数字化转型自评价综合得分须高于 ${s(p.threshold)} 分，当前 ${s(p.composite)} 分，还差 ${s(p.gap)} 分以上。`,
  'unmet/scenarios': (p) => `还差 ${s(p.missing)} 个${s(p.tierLabel)}及以上场景（已有 ${s(p.count)} 个，需 ${s(p.required)} 个）。`,
  'unmet/stages': (p) => `未覆盖环节：${s(p.stages)}（需有${s(p.tierLabel)}及以上场景）。`,
  'unmet/maturity': (p) =>
    p.current === null
      ? `智能制造能力成熟度未填写，须达到${s(p.requiredLabel)}及以上。`
      : `智能制造能力成熟度需达到${s(p.requiredLabel)}及以上，当前为${s(p.currentLabel)}。`,
  'unmet/composite-threshold': (p) =>
    `综合得分建议高于 ${s(p.threshold)} 分再开展${s(p.tierLabel)}场景自评（当前 ${p.composite === null ? '未算出' : `${s(p.composite)} 分`}）。`,
};
