// Query results as a terminal table (CJK characters take two columns), CSV or JSON.
import type { PlainRow, PlainValue } from '../analytics/readRows.ts';
import { neutraliseCell } from '../report/csv.ts';
import Papa from 'papaparse';

export type QueryFormat = 'table' | 'csv' | 'json';
export const QUERY_FORMATS: readonly QueryFormat[] = ['table', 'csv', 'json'];

/** Display width: East Asian wide and full-width characters take two terminal columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    w += (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) ||
      (cp >= 0x20000 && cp <= 0x3fffd) ? 2 : 1;
  }
  return w;
}

const cellText = (v: PlainValue): string => {
  if (v === null) return 'NULL';
  if (typeof v === 'number' && !Number.isInteger(v)) return String(Math.round(v * 1e6) / 1e6);
  // Control characters would break the grid (and could move the cursor): shown escaped.
  return String(v).replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
};

export function formatTable(columns: readonly string[], rows: readonly PlainRow[]): string {
  const cells = rows.map((r) => columns.map((c) => cellText(r[c] ?? null)));
  const widths = columns.map((c, i) => Math.max(displayWidth(c), ...cells.map((r) => displayWidth(r[i] ?? ''))));
  const pad = (s: string, w: number, right: boolean): string => (right ? ' '.repeat(w - displayWidth(s)) + s : s + ' '.repeat(w - displayWidth(s)));
  const numeric = columns.map((c) => rows.length > 0 && rows.every((r) => r[c] === null || typeof r[c] === 'number'));
  const line = (vals: readonly string[], isHeader = false): string =>
    `│ ${vals.map((v, i) => pad(v, widths[i] ?? 0, !isHeader && (numeric[i] ?? false))).join(' │ ')} │`;
  const rule = (l: string, m: string, r: string): string => `${l}${widths.map((w) => '─'.repeat(w + 2)).join(m)}${r}`;
  return [
    rule('┌', '┬', '┐'),
    line(columns, true),
    rule('├', '┼', '┤'),
    ...cells.map((r) => line(r)),
    rule('└', '┴', '┘'),
    `（${rows.length} 行）`,
  ].join('\n');
}

export function formatCsv(columns: readonly string[], rows: readonly PlainRow[]): string {
  return `${Papa.unparse({ fields: [...columns], data: rows.map((r) => columns.map((c) => neutraliseCell(r[c] ?? null))) }, { newline: '\n' })}\n`;
}

export function formatJson(rows: readonly PlainRow[]): string {
  return `${JSON.stringify(rows, null, 2)}\n`;
}
