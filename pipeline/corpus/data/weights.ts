// Plausible shares of Jiangsu's manufacturers by 设区市 and by GB/T 4754 大类 (rough relative weights, not
// statistics): the south (苏锡常, 南京, 南通) is heavier, the north lighter; electrical, electronic, equipment,
// chemical, metal, textile, automotive and plastics heavier; tobacco and the like rare.

/** 4-digit city code → relative weight. */
export const CITY_WEIGHTS: Readonly<Record<string, number>> = {
  '3201': 9, // 南京
  '3202': 12, // 无锡
  '3203': 6, // 徐州
  '3204': 9, // 常州
  '3205': 20, // 苏州
  '3206': 8, // 南通
  '3207': 3, // 连云港
  '3208': 3, // 淮安
  '3209': 5, // 盐城
  '3210': 5, // 扬州
  '3211': 4, // 镇江
  '3212': 5, // 泰州
  '3213': 2, // 宿迁
};

/** 2-digit 大类 → relative weight; any division not listed weighs DEFAULT_INDUSTRY_WEIGHT. */
export const INDUSTRY_WEIGHTS: Readonly<Record<string, number>> = {
  '38': 12, '39': 12, '34': 10, '35': 9, '26': 8, '33': 8, '17': 6, '18': 4, '36': 6, '29': 6,
  '30': 4, '31': 3, '32': 3, '37': 3, '40': 3, '27': 3, '13': 2, '14': 2, '22': 2, '28': 2,
  '16': 0.1, '25': 0.5, '19': 0.6, '20': 0.8, '23': 0.8, '42': 0.6, '43': 0.6, '41': 0.8,
};
export const DEFAULT_INDUSTRY_WEIGHT = 1;

/** 企业规模 as the template's dropdown offers it (layout SCALE_OPTIONS), with relative weights. */
export const SCALE_WEIGHTS: readonly (readonly [string, number])[] = [
  ['大型企业', 12],
  ['中型企业', 33],
  ['小型企业', 48],
  ['微型企业', 7],
];

/** Telephone area codes of the 13 cities (for fictitious contact numbers). */
export const CITY_AREA_CODES: Readonly<Record<string, string>> = {
  '3201': '025', '3202': '0510', '3203': '0516', '3204': '0519', '3205': '0512', '3206': '0513', '3207': '0518',
  '3208': '0517', '3209': '0515', '3210': '0514', '3211': '0511', '3212': '0523', '3213': '0527',
};
