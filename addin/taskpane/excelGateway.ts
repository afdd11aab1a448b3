// The only code that touches Office.js. Reads the workbook in one Excel.run (names first, then every named
// value in a single sync), selects a named cell, and reports worksheet changes.
import { INPUT_FIELDS, RESULT_FIELDS, type RawScalar } from '../../core/index.ts';
import type { WorkbookSnapshot } from './model.ts';
import { META_RANGE, META_SHEET } from './templateMeta.ts';

/** Excel.run's shape, so tests can pass a mocked context. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface WorkbookGateway {
  readSnapshot(): Promise<WorkbookSnapshot>;
  /** Selects the cell of a defined name; returns its address (e.g. 「自评价!E12」). */
  selectField(name: string): Promise<string>;
  /** Calls `handler` after any worksheet change; returns a function that stops it. */
  onWorksheetChanged(handler: () => void): Promise<() => Promise<void>>;
}

const NAMES = [...INPUT_FIELDS, ...RESULT_FIELDS];

/** Excel gives "" for an empty cell; the core wants null. */
function scalar(v: unknown): RawScalar {
  if (v === '' || v === undefined || v === null) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

const firstCell = (values: unknown): RawScalar => (Array.isArray(values) && Array.isArray(values[0]) ? scalar(values[0][0]) : null);

export function createExcelGateway(run: ExcelRun): WorkbookGateway {
  return {
    readSnapshot: () =>
      run(async (context) => {
        const wb = context.workbook;
        const metaSheet = wb.worksheets.getItemOrNullObject(META_SHEET);
        const items = NAMES.map((name) => ({ name, item: wb.names.getItemOrNullObject(name) }));
        await context.sync();

        const present = items.filter((x) => x.item.isNullObject !== true);
        const metaRange = metaSheet.isNullObject === true ? null : metaSheet.getRange(META_RANGE).load('values');
        const ranges = present.map((x) => ({ name: x.name, range: x.item.getRange().load('values') }));
        await context.sync();

        let meta: Record<string, RawScalar> | null = null;
        if (metaRange) {
          meta = {};
          for (const row of metaRange.values) {
            const key = scalar(row[0]);
            if (key !== null) meta[String(key).trim()] = scalar(row[1]);
          }
        }
        const values = new Map<string, RawScalar>();
        const inputs = new Set(INPUT_FIELDS);
        for (const r of ranges) if (inputs.has(r.name)) values.set(r.name, firstCell(r.range.values));
        return { meta, values, names: new Set(present.map((x) => x.name)) };
      }),

    selectField: (name) =>
      run(async (context) => {
        const range = context.workbook.names.getItem(name).getRange();
        range.load('address');
        range.worksheet.activate();
        range.select();
        await context.sync();
        return range.address;
      }),

    onWorksheetChanged: (handler) =>
      run(async (context) => {
        const registration = context.workbook.worksheets.onChanged.add(async () => handler());
        await context.sync();
        // A handler is removed through the context it was added in.
        return async () => {
          registration.remove();
          await registration.context.sync();
        };
      }),
  };
}
