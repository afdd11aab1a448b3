// zh-CN display names of the worksheet functions and their parameters, keyed by the function's id (which
// never changes) and by the parameter's name. The build writes functions.zh-CN.json from these; the
// manifest serves it to Chinese Excel through <bt:Override Locale="zh-CN">. Data only.

export const FUNCTION_NAMES_ZH: Readonly<Record<string, string>> = {
  BAND: '等级分数段',
  FIT: '符合程度',
  CHECK: '指标校验',
  LEVELTEXT: '等级描述',
  COMPOSITE: '综合得分',
  SUGGESTEDTIER: '建议自评等级',
  SCENARIOCOUNTS: '建设场景数',
  STAGECOUNTS: '环节场景数',
  SCENARIOCHECK: '场景校验',
  TIERTEXT: '场景等级描述',
  REFERENCETIER: '参考等级',
  NEXTTIERUNMET: '晋级差距',
  USCC: '信用代码校验',
};

export const PARAMETER_NAMES_ZH: Readonly<Record<string, string>> = {
  level: '等级',
  score: '分数',
  indicator: '指标',
  levels: '等级区域',
  scores: '分数区域',
  tiers: '场景等级区域',
  tier: '等级',
  scenario: '场景',
  maturity: '成熟度',
  declarations: '基础要求声明',
  code: '信用代码',
  city: '设区市',
};
