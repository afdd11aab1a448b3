// String surgery on SpreadsheetML, for the corpus's fast filler only: the template is our own, well-formed
// output, so locating <row> and <c> elements by pattern is safe here (returned workbooks are parsed properly
// by pipeline/read).

export const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const unescapeXml = (s: string): string =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

export function splitAddress(address: string): { col: string; row: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!m?.[1] || !m[2]) throw new RangeError(`bad cell address ${address}`);
  return { col: m[1], row: Number(m[2]) };
}

export function colNumber(col: string): number {
  let n = 0;
  for (const ch of col) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** The element of one cell: start index and end index (exclusive) in the sheet XML, or null. */
export function findCell(xml: string, address: string): { start: number; end: number; attrs: string } | null {
  const re = new RegExp(`<c r="${address}"([^>]*?)(/>|>[\\s\\S]*?</c>)`, 'g');
  const m = re.exec(xml);
  if (!m) return null;
  const attrs = (m[1] ?? '').replace(/\/$/, '');
  return { start: m.index, end: m.index + m[0].length, attrs };
}

/** Makes sure the cell has an element (an empty one inserted in row and column order when missing). */
export function ensureCell(xml: string, address: string): string {
  if (findCell(xml, address)) return xml;
  const { col, row } = splitAddress(address);
  const empty = `<c r="${address}"/>`;
  const rowRe = new RegExp(`<row r="${row}"([^>]*?)(/>|>([\\s\\S]*?)</row>)`);
  const rm = rowRe.exec(xml);
  if (rm) {
    const attrs = rm[1] ?? '';
    if (rm[2] === '/>') return xml.slice(0, rm.index) + `<row r="${row}"${attrs}>${empty}</row>` + xml.slice(rm.index + rm[0].length);
    const inner = rm[3] ?? '';
    const cellRe = /<c r="([A-Z]+)\d+"/g;
    let at = inner.length;
    for (let cm = cellRe.exec(inner); cm; cm = cellRe.exec(inner)) {
      if (colNumber(cm[1] ?? '') > colNumber(col)) {
        at = cm.index;
        break;
      }
    }
    const newInner = inner.slice(0, at) + empty + inner.slice(at);
    return xml.slice(0, rm.index) + `<row r="${row}"${attrs}>${newInner}</row>` + xml.slice(rm.index + rm[0].length);
  }
  const newRow = `<row r="${row}">${empty}</row>`;
  if (xml.includes('<sheetData/>')) return xml.replace('<sheetData/>', `<sheetData>${newRow}</sheetData>`);
  const rowsRe = /<row r="(\d+)"/g;
  for (let m = rowsRe.exec(xml); m; m = rowsRe.exec(xml)) {
    if (Number(m[1]) > row) return xml.slice(0, m.index) + newRow + xml.slice(m.index);
  }
  const close = xml.indexOf('</sheetData>');
  if (close < 0) throw new Error('sheet XML without sheetData');
  return xml.slice(0, close) + newRow + xml.slice(close);
}

/**
 * Removes cached results from formula cells: a generated workbook has not been calculated, and a stale
 * cached value from the empty template would contradict the answers (the ingest compares them).
 */
export function stripFormulaResults(xml: string): string {
  return xml.replace(/<c ([^>]*?)>(<f[^>]*?(?:\/>|>[\s\S]*?<\/f>))<v>[\s\S]*?<\/v><\/c>/g, (_all, attrs: string, f: string) => {
    const kept = attrs.replace(/\s*t="[^"]*"/, '');
    return `<c ${kept}>${f}</c>`;
  });
}
