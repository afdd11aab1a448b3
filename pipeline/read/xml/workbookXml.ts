// xl/workbook.xml: sheets (name → relationship id), workbook-scoped defined names, the date system.
import { walkXml, attr } from './sax.ts';

export interface WorkbookXml {
  readonly sheets: readonly { readonly name: string; readonly rid: string }[];
  /** Workbook-scoped names (no localSheetId) → their formula text. */
  readonly definedNames: ReadonlyMap<string, string>;
  readonly date1904: boolean;
}

const truthy = (v: string | undefined): boolean => v === '1' || v === 'true';

export function parseWorkbookXml(xml: Buffer): WorkbookXml {
  const sheets: { name: string; rid: string }[] = [];
  const definedNames = new Map<string, string>();
  let date1904 = false;
  let current: string | null = null;
  let text = '';
  walkXml(xml, 'workbook.xml', {
    open(name, a) {
      if (name === 'sheet') sheets.push({ name: a.name ?? '', rid: attr(a, 'id') ?? '' });
      else if (name === 'workbookPr') date1904 = truthy(a.date1904);
      else if (name === 'definedName') {
        current = a.localSheetId === undefined && a.name ? a.name : null;
        text = '';
      }
    },
    text(t) {
      if (current !== null) text += t;
    },
    close(name) {
      if (name === 'definedName' && current !== null) {
        definedNames.set(current, text);
        current = null;
      }
    },
  });
  return { sheets, definedNames, date1904 };
}
