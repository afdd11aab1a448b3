// One enterprise's feedback as a workbook (for agencies that send spreadsheets rather than PDFs): the same
// content as the HTML page, numbers as numbers.
import ExcelJS from 'exceljs';
import { TIER_LABELS, type TierKey } from '../../core/index.ts';
import type { Feedback } from './loadFeedback.ts';

const tierZh = (t: TierKey | null, none = '未达到'): string => (t ? TIER_LABELS[t] : none);

function sheet(wb: ExcelJS.Workbook, name: string, columns: readonly { header: string; width: number; numFmt?: string }[], rows: readonly (string | number | null)[][]): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
  for (const r of rows) ws.addRow(r);
  ws.getRow(1).font = { bold: true };
  ws.getColumn(columns.length).alignment = { wrapText: true, vertical: 'top' };
}

export async function feedbackWorkbook(f: Feedback, generatedAt: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'sfe feedback';
  sheet(wb, '概况', [{ header: '项目', width: 26 }, { header: '内容', width: 60 }], [
    ['企业名称', f.name],
    ['统一社会信用代码', f.uscc],
    ['地区', f.region],
    ['行业', f.industry],
    ['填报日期', f.fillDate],
    ['综合得分', f.composite],
    ['参考等级', tierZh(f.referenceTier)],
    ['建议开展的场景自评', tierZh(f.suggestedTier, '未开启')],
    ['下一等级', f.nextTier ? tierZh(f.nextTier) : '已达最高等级'],
    ['建设场景数：基础级及以上', f.scenarioCounts.basic],
    ['建设场景数：先进级及以上', f.scenarioCounts.advanced],
    ['建设场景数：卓越级及以上', f.scenarioCounts.excellent],
    ['建设场景数：领航级', f.scenarioCounts.leading],
    ['生成时间', generatedAt],
  ]);
  sheet(wb, '下一等级条件', [{ header: '条件', width: 36 }, { header: '要求', width: 30 }, { header: '当前', width: 30 }, { header: '状态', width: 10 }, { header: '差距', width: 60 }],
    f.conditions.map((c) => [c.label, c.required, c.current, c.met ? '已满足' : c.advisory ? '建议' : '未满足', c.met ? '' : (c.distance ?? '')]));
  sheet(wb, '同类位置', [{ header: '比较范围', width: 30 }, { header: '可计分企业数', width: 14 }, { header: '百分位', width: 10, numFmt: '0' }, { header: '中位数', width: 10, numFmt: '0.00' }, { header: '平均分', width: 10, numFmt: '0.00' }],
    f.peers.map((p) => [p.group, p.peers, p.percentile, p.median, p.mean]));
  sheet(wb, '指标', [{ header: '指标', width: 30 }, { header: '等级', width: 14 }, { header: '分数', width: 10 }, { header: '符合程度', width: 12 }, { header: '核验', width: 12 }],
    f.indicators.map((i) => [`${i.id} ${i.name}`, i.level, i.score, i.fit, i.valid ? '有效' : '有误']));
  sheet(wb, '场景', [{ header: '编号', width: 8 }, { header: '场景', width: 30 }, { header: '自评等级', width: 12 }, { header: '计入', width: 20 }],
    f.scenarios.map((s) => [s.id, s.name, s.tier, s.counted ? '是' : '否（该等级无描述）']));
  sheet(wb, '问题', [{ header: '级别', width: 8 }, { header: '单元格', width: 26 }, { header: '代码', width: 30 }, { header: '说明', width: 80 }],
    f.findings.map((x) => [x.severity === 'error' ? '错误' : x.severity === 'warning' ? '警告' : '提示', x.cell, x.code, x.message]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
