// What happened to one file in one run. Codes are stable English; labels and messages are Chinese.

export type Outcome = 'accepted' | 'accepted_with_warnings' | 'replaced' | 'rejected' | 'duplicate';

export const OUTCOME_LABELS_ZH: Readonly<Record<Outcome, string>> = {
  accepted: '已接收',
  accepted_with_warnings: '有警告接收',
  replaced: '已接收（替换先前报送）',
  rejected: '已拒收',
  duplicate: '重复文件',
};

export type RejectionCode =
  | 'file/not-a-workbook'
  | 'file/legacy-format'
  | 'file/encrypted'
  | 'file/corrupt-zip'
  | 'file/zip-bomb'
  | 'file/unreadable'
  | 'file/not-template'
  | 'file/unknown-template-version'
  | 'file/identity-missing'
  | 'INTERNAL';

export const REJECTION_LABELS_ZH: Readonly<Record<RejectionCode, string>> = {
  'file/not-a-workbook': '不是 Excel 工作簿',
  'file/legacy-format': '旧版 .xls / WPS .et 格式',
  'file/encrypted': '文件已加密或设置了打开密码',
  'file/corrupt-zip': '文件已损坏或不完整',
  'file/zip-bomb': '文件解压后异常巨大（疑似压缩炸弹）',
  'file/unreadable': '文件无法读取',
  'file/not-template': '不是官方自评价模板',
  'file/unknown-template-version': '模板版本无法识别',
  'file/identity-missing': '企业名称或统一社会信用代码未填写',
  INTERNAL: '内部错误',
};
