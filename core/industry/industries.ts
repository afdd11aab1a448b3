// GB/T 4754-2017 国民经济行业分类, 门类 C 制造业, 大类 13–43.
export interface Industry {
  readonly code: string;
  readonly name: string;
}

export const MANUFACTURING_DIVISIONS: readonly Industry[] = [
  { code: '13', name: '农副食品加工业' },
  { code: '14', name: '食品制造业' },
  { code: '15', name: '酒、饮料和精制茶制造业' },
  { code: '16', name: '烟草制品业' },
  { code: '17', name: '纺织业' },
  { code: '18', name: '纺织服装、服饰业' },
  { code: '19', name: '皮革、毛皮、羽毛及其制品和制鞋业' },
  { code: '20', name: '木材加工和木、竹、藤、棕、草制品业' },
  { code: '21', name: '家具制造业' },
  { code: '22', name: '造纸和纸制品业' },
  { code: '23', name: '印刷和记录媒介复制业' },
  { code: '24', name: '文教、工美、体育和娱乐用品制造业' },
  { code: '25', name: '石油、煤炭及其他燃料加工业' },
  { code: '26', name: '化学原料和化学制品制造业' },
  { code: '27', name: '医药制造业' },
  { code: '28', name: '化学纤维制造业' },
  { code: '29', name: '橡胶和塑料制品业' },
  { code: '30', name: '非金属矿物制品业' },
  { code: '31', name: '黑色金属冶炼和压延加工业' },
  { code: '32', name: '有色金属冶炼和压延加工业' },
  { code: '33', name: '金属制品业' },
  { code: '34', name: '通用设备制造业' },
  { code: '35', name: '专用设备制造业' },
  { code: '36', name: '汽车制造业' },
  { code: '37', name: '铁路、船舶、航空航天和其他运输设备制造业' },
  { code: '38', name: '电气机械和器材制造业' },
  { code: '39', name: '计算机、通信和其他电子设备制造业' },
  { code: '40', name: '仪器仪表制造业' },
  { code: '41', name: '其他制造业' },
  { code: '42', name: '废弃资源综合利用业' },
  { code: '43', name: '金属制品、机械和设备修理业' },
];

/** Dropdown label, e.g. 「34 通用设备制造业」. */
export const industryLabel = (i: Industry): string => `${i.code} ${i.name}`;

/** Accepts 「34」, 「C34」, 「34 通用设备制造业」 or the bare name. */
export function industryByInput(input: string): Industry | null {
  const t = input.trim().replace(/\s+/g, ' ');
  const code = /^C?(\d{2})(\b|\s|$)/.exec(t)?.[1];
  if (code) return MANUFACTURING_DIVISIONS.find((i) => i.code === code) ?? null;
  return MANUFACTURING_DIVISIONS.find((i) => i.name === t) ?? null;
}
