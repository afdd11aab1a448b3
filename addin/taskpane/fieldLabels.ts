// Where a problem is, in words a person filling the form recognises (the defined name is for machines).
import { BASIC_REQUIREMENTS, FIELD } from '../../core/index.ts';

const FIXED: Readonly<Record<string, string>> = {
  [FIELD.name]: '企业名称',
  [FIELD.uscc]: '统一社会信用代码',
  [FIELD.city]: '设区市',
  [FIELD.county]: '县（市、区）',
  [FIELD.industry]: '所属行业',
  [FIELD.scale]: '企业规模',
  [FIELD.maturity]: '智能制造能力成熟度',
  [FIELD.contact]: '联系人',
  [FIELD.phone]: '联系电话',
  [FIELD.fillDate]: '填报日期',
  [FIELD.investmentTotal]: '指标7 · 2014年以来投入总额',
  [FIELD.investment2024]: '指标7 · 2024年投入',
  [FIELD.composite]: '综合得分',
  [FIELD.suggestedTier]: '建议自评等级',
  [FIELD.referenceTier]: '参考等级',
  SFE_SCENARIOS: '场景自评表',
};

export function fieldLabel(field: string): string {
  const fixed = FIXED[field];
  if (fixed) return fixed;
  const ind = /^SFE_I(\d\d)_(LEVEL|SCORE)$/.exec(field);
  if (ind) return `指标${Number(ind[1])} · ${ind[2] === 'LEVEL' ? '等级' : '分数'}`;
  const sc = /^SFE_S(\d\d)_TIER$/.exec(field);
  if (sc) return `场景${Number(sc[1])} · 自评等级`;
  const decl = /^SFE_DECL_([A-Z]+)$/.exec(field);
  if (decl) {
    const req = BASIC_REQUIREMENTS.find((r) => r.declaration === decl[1]?.toLowerCase());
    if (req) return `基础要求第${req.no}条`;
  }
  return field;
}
