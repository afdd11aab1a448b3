// D2 江苏省智能工厂梯度建设要素条件（2025年版）: the five basic requirements and the four tiers' conditions;
// D4 §一: the composite score above which each tier's scenario self-evaluation is suggested.
import type { BasicRequirement, MaturityLevel, StageKey, TierCondition, TierKey } from '../ruleset/types.ts';

export const TIER_LABELS: Readonly<Record<TierKey, string>> = {
  basic: '基础级',
  advanced: '先进级',
  excellent: '卓越级',
  leading: '领航级',
};

export const STAGE_LABELS: Readonly<Record<StageKey, string>> = {
  factory: '工厂建设',
  rnd: '研发设计',
  production: '生产作业',
  management: '生产管理',
  operations: '运营管理',
};

export const MATURITY_LABELS: Readonly<Record<MaturityLevel, string>> = {
  1: '一级（规划级）',
  2: '二级（规范级）',
  3: '三级（集成级）',
  4: '四级（优化级）',
  5: '五级（引领级）',
};

export const MATURITY_SHORT: Readonly<Record<MaturityLevel, string>> = {
  1: '一级',
  2: '二级',
  3: '三级',
  4: '四级',
  5: '五级',
};

export const BASIC_REQUIREMENTS: readonly BasicRequirement[] = [
  {
    no: 1,
    label: '规模以上工业企业（或创新型中小企业、专精特新企业）',
    declaration: 'scale',
    text: '企业为规模以上工业企业,企业和产品均具有较强市场竞争力。创新型中小企业、省级专精特新中小企业、国家专精特新"小巨人"企业可参照执行。',
  },
  {
    no: 2,
    label: '近三年经营正常、诚信守法、无重大事故',
    declaration: 'compliance',
    text: '企业近三年生产经营正常,诚信守法,近三年未发生重大(含)以上安全、环保、质量事故(事件),未被列入严重失信主体名单。',
  },
  {
    no: 3,
    label: '关键装备与软件安全可控，网络和数据安全风险可控',
    declaration: 'secure',
    text: '工厂使用的关键技术装备、工业软件、工业操作系统、系统解决方案等安全可控,网络安全和数据安全风险可控。',
  },
  {
    no: 4,
    label: '建立智能工厂组织机制，拥有智能制造专业人才',
    declaration: 'organization',
    text: '企业应建立智能工厂统筹规划、建设和运营的组织机制,拥有一批智能制造专业人才。',
  },
  {
    no: 5,
    label: '数字化转型自评价得分高于60分',
    declaration: null,
    text: '企业具备基本的数字化、网络化、智能化能力,利用《江苏省企业数字化转型通用评估指标体系(2025年版)》自评价得分高于60分。',
  },
];

/** Requirement (5): the composite must be strictly above this. */
export const BASIC_COMPOSITE_MIN = 60;

export const TIER_CONDITIONS: readonly TierCondition[] = [
  {
    tier: 'basic',
    label: TIER_LABELS.basic,
    stages: ['production'],
    minScenarios: 8,
    minMaturity: 2,
    compositeThreshold: 60,
    text: '企业参考《江苏省智能工厂梯度建设典型场景企业自评价参考(2025年版)》(以下简称《自评价参考》),围绕工厂建设、研发设计、生产作业、生产管理、运营管理等开展智能工厂建设,至少覆盖生产作业环节,建设场景数不低于《自评价参考》中的8个场景,智能制造能力成熟度自评价水平达到GB/T39116-2020《智能制造能力成熟度模型》二级及以上。',
  },
  {
    tier: 'advanced',
    label: TIER_LABELS.advanced,
    stages: ['production', 'management', 'operations'],
    minScenarios: 15,
    minMaturity: 2,
    compositeThreshold: 70,
    text: '企业参考《自评价参考》,围绕工厂建设、研发设计、生产作业、生产管理、运营管理等开展智能工厂建设,至少覆盖生产作业、生产管理、运营管理三个环节,建设场景数不低于15个场景,智能制造能力成熟度自评价水平达到GB/T39116-2020《智能制造能力成熟度模型》二级及以上。',
  },
  {
    tier: 'excellent',
    label: TIER_LABELS.excellent,
    stages: ['factory', 'rnd', 'production', 'management', 'operations'],
    minScenarios: 20,
    minMaturity: 3,
    compositeThreshold: 80,
    text: '企业参考《自评价参考》,围绕工厂建设、研发设计、生产作业、生产管理、运营管理等开展智能工厂建设,覆盖全部五个环节,建设场景数不低于20个场景,智能制造能力成熟度自评价水平达到GB/T39116-2020《智能制造能力成熟度模型》三级及以上。',
  },
  {
    tier: 'leading',
    label: TIER_LABELS.leading,
    stages: ['factory', 'rnd', 'production', 'management', 'operations'],
    minScenarios: 25,
    minMaturity: 4,
    compositeThreshold: 90,
    text: '企业参考《自评价参考》,围绕工厂建设、研发设计、生产作业、生产管理、运营管理等开展智能工厂建设,覆盖全部五个环节,建设场景数不低于25个场景,智能制造能力成熟度自评价水平达到GB/T39116-2020《智能制造能力成熟度模型》四级及以上。',
  },
];
