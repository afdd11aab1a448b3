// Cell styles of the workbook: one place for fonts, fills and borders so the sheets look like one form.
import type ExcelJS from 'exceljs';

export const FONT_BODY: Partial<ExcelJS.Font> = { name: '宋体', size: 10.5 };
export const FONT_SMALL: Partial<ExcelJS.Font> = { name: '宋体', size: 9.5 };
export const FONT_HEADER: Partial<ExcelJS.Font> = { name: '黑体', size: 10.5, bold: true };
export const FONT_TITLE: Partial<ExcelJS.Font> = { name: '黑体', size: 15, bold: true };
export const FONT_SECTION: Partial<ExcelJS.Font> = { name: '黑体', size: 11.5, bold: true };
export const FONT_MISSING: Partial<ExcelJS.Font> = { name: '宋体', size: 10.5, italic: true, color: { argb: 'FF808080' } };
export const FONT_CHECK: Partial<ExcelJS.Font> = { name: '宋体', size: 9.5, color: { argb: 'FFC00000' } };

const solid = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
export const FILL_HEADER = solid('FFD9D9D9');
export const FILL_SECTION = solid('FFEDEDED');
export const FILL_INPUT = solid('FFFFF2CC');
export const FILL_RESULT = solid('FFDDEBF7');

const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
export const BORDER_ALL: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

export const WRAP_TOP: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top', horizontal: 'left' };
export const WRAP_MIDDLE: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'middle', horizontal: 'left' };
export const CENTER: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'middle', horizontal: 'center' };

/** Conditional-format styles (dxf: the fill colour goes in bgColor). */
export const CF_WRONG: Partial<ExcelJS.Style> = {
  fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } },
  font: { color: { argb: 'FF9C0006' } },
};
export const CF_GOOD: Partial<ExcelJS.Style> = {
  fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFC6EFCE' } },
  font: { color: { argb: 'FF006100' } },
};
