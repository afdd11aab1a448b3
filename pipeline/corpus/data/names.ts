// Word lists for fictitious enterprise and contact names. Every enterprise name starts with 「示例·」 and ends
// with 「【演示】」 so no generated name can be mistaken for a real company.

export const NAME_PREFIX = '示例·';
/**
 * 【】 rather than （）: the core's free-text normaliser turns full-width （） into ASCII () and reports it
 * (input/normalised), so a （演示） marker would put a finding on every generated workbook.
 */
export const NAME_SUFFIX = '【演示】';

/** Syllables combined in pairs into a 字号 (trade name). */
export const TRADE_SYLLABLES: readonly string[] = [
  '恒', '瑞', '华', '诚', '信', '达', '鑫', '嘉', '宏', '远', '泰', '丰', '盛', '润', '新', '辰', '卓', '越', '锦', '博',
  '科', '源', '晟', '铭', '拓', '弘', '睿', '明', '启', '昊', '汇', '邦', '元', '和', '安', '锐', '创', '星', '旭', '峰',
];

/** Business words by 大类 (the part of a name that says what the company makes). */
export const INDUSTRY_WORDS: Readonly<Record<string, readonly string[]>> = {
  '13': ['食品原料', '饲料', '粮油'], '14': ['食品', '乳品', '烘焙食品'], '15': ['饮品', '酒业', '茶业'],
  '16': ['烟草制品'], '17': ['纺织', '纱线', '织造'], '18': ['服饰', '服装'], '19': ['皮革制品', '鞋业'],
  '20': ['木业', '竹制品'], '21': ['家具', '家居'], '22': ['纸业', '包装材料'], '23': ['印务', '包装印刷'],
  '24': ['文体用品', '工艺品'], '25': ['燃料', '石化'], '26': ['化工', '精细化工', '新材料'], '27': ['制药', '生物医药'],
  '28': ['化纤', '纤维材料'], '29': ['塑胶', '橡塑制品', '塑料制品'], '30': ['建材', '陶瓷', '玻璃制品'],
  '31': ['特钢', '钢材'], '32': ['铝业', '铜材'], '33': ['金属制品', '五金', '紧固件'],
  '34': ['精密机械', '通用机械', '泵阀', '轴承'], '35': ['专用设备', '智能装备', '机电设备'], '36': ['汽车零部件', '汽车部件'],
  '37': ['船舶配件', '轨道交通装备', '航空部件'], '38': ['电气', '电器', '电缆', '储能科技', '光伏科技'],
  '39': ['电子', '微电子', '光电', '通信设备', '半导体'], '40': ['仪器仪表', '测控仪器'], '41': ['制品'],
  '42': ['再生资源'], '43': ['设备维修'],
};

export const COMPANY_FORMS: readonly (readonly [string, number])[] = [
  ['有限公司', 80],
  ['股份有限公司', 15],
  ['集团有限公司', 5],
];

export const SURNAMES: readonly string[] = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '钱',
];

/** Contacts are written as 「王工」「李经理」: a surname and a title, never a full personal name. */
export const CONTACT_TITLES: readonly string[] = ['工', '经理', '主任', '部长'];
