// xl/styles.xml: which cell style indexes (cellXfs) show dates.
import { isDateFormat } from '../excelDate.ts';
import { walkXml } from './sax.ts';

/** dateStyles[i] is true when cellXfs[i] uses a date/time number format. */
export function parseDateStyles(xml: Buffer): boolean[] {
  const formats = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  walkXml(xml, 'styles.xml', {
    open(name, a) {
      if (name === 'numFmt' && a.numFmtId !== undefined) formats.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) xfFormats.push(Number(a.numFmtId ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return xfFormats.map((id) => isDateFormat(id, formats.get(id)));
}
