// The summary workbook: one sheet per breakdown, real numbers with number formats (not text), a frozen
// header row and an autofilter, so an analyst can sort and pivot in Excel or WPS straight away.
import ExcelJS from 'exceljs';
import type { Breakdown, ColumnKind, ReportData } from './ReportData.ts';

const NUM_FMT: Readonly<Record<ColumnKind, string | undefined>> = {
  text: undefined,
  int: '#,##0',
  num: '0.00',
  pct: '0.0%',
};

function addSheet(wb: ExcelJS.Workbook, b: Breakdown): void {
  const ws = wb.addWorksheet(b.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = b.columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: Math.max(10, Math.min(40, [...c.header].length * 2 + 2)),
    style: NUM_FMT[c.kind] ? { numFmt: NUM_FMT[c.kind] } : {},
  }));
  for (const r of b.rows) {
    // Strings are written as string cells, never formulas, so names like 「=HYPERLINK(…)」 stay text.
    ws.addRow(Object.fromEntries(b.columns.map((c) => [c.key, r[c.key] ?? null])));
  }
  const header = ws.getRow(1);
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1D4ED8' } };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.height = 30;
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: b.columns.length } };
}

function addInfoSheet(wb: ExcelJS.Workbook, d: ReportData): void {
  const ws = wb.addWorksheet('说明');
  ws.columns = [{ width: 22 }, { width: 90 }];
  const rows: [string, string][] = [
    ['报告', d.title],
    ['范围', [d.scope.city?.name, d.scope.industry ? `${d.scope.industry.code} ${d.scope.industry.name}` : null].filter(Boolean).join(' · ') || '全省'],
    ['生成时间', d.generatedAt],
    ['规则版本', d.rulesetVersion],
    ['口径', '每家企业取当前有效答卷（同一统一社会信用代码以最新填报为准）；综合得分为未取整的均值，四分位按线性插值（与 Excel QUARTILE.INC 相同）。'],
    ['数据来源', '各工作表对应汇总数据库中的分析视图（见每张表的“视图”），可用 sfe query 复核。'],
    ...d.breakdowns.map((b): [string, string] => [b.sheet, `${b.title}（视图：${b.view}）`]),
  ];
  for (const r of rows) ws.addRow(r);
  ws.getColumn(1).font = { bold: true };
  ws.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
}

export async function writeSummaryWorkbook(d: ReportData, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'sfe report';
  wb.created = new Date();
  addInfoSheet(wb, d);
  for (const b of d.breakdowns) addSheet(wb, b);
  await wb.xlsx.writeFile(file);
}
