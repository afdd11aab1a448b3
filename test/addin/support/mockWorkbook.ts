// A workbook in office-addin-mock: the `_meta` sheet, a defined name per field with one cell each, and the
// few methods the gateway calls. Records what was selected and how often the gateway synced.
import { OfficeMockObject } from 'office-addin-mock';
import type { ExcelRun } from '../../../addin/taskpane/excelGateway.ts';

export interface MockWorkbookOptions {
  /** `_meta` rows (key, value); null = no `_meta` sheet. */
  readonly meta?: readonly (readonly [string, string])[] | null;
  /** Defined name → cell value ('' for empty). Names not listed do not exist. */
  readonly values: ReadonlyMap<string, string | number | boolean | null>;
}

export const STANDARD_META = [
  ['template_id', 'sfe-jiangsu-smart-factory'],
  ['template_version', '2025.1'],
  ['ruleset_version', '2025.1'],
] as const;

export interface MockWorkbook {
  readonly run: ExcelRun;
  readonly address: (name: string) => string;
  readonly selected: () => string | null;
  readonly counts: { runs: number; syncs: number };
  readonly changeHandlers: (() => Promise<void>)[];
}

export function mockWorkbook(o: MockWorkbookOptions): MockWorkbook {
  let selected: string | null = null;
  const counts = { runs: 0, syncs: 0 };
  const changeHandlers: (() => Promise<void>)[] = [];
  const names = [...o.values.keys()];
  const address = (name: string): string => `自评价!B${names.indexOf(name) + 2}`;
  const byName: Record<string, unknown> = {};
  for (const name of names) {
    const v = o.values.get(name);
    byName[name] = {
      range: {
        values: [[v === null || v === undefined ? '' : v]],
        address: address(name),
        select: () => {
          selected = address(name);
        },
        worksheet: { activate: () => undefined },
      },
      getRange(this: { range: unknown }) {
        return this.range;
      },
    };
  }
  const meta = o.meta === undefined ? STANDARD_META : o.meta;
  const nullObject = { isNullObject: true };
  const mock = new OfficeMockObject({
    context: {
      workbook: {
        worksheets: {
          meta: { range: { values: meta ? meta.map(([k, v]) => [k, v]) : [] } },
          getItemOrNullObject(this: { meta: { range: unknown } }, name: string) {
            if (name !== '_meta' || !meta) return nullObject;
            return { getRange: () => this.meta.range };
          },
          onChanged: {
            add: (h: () => Promise<void>) => {
              changeHandlers.push(h);
              return { remove: () => undefined, context: { sync: async () => undefined } };
            },
          },
        },
        names: {
          byName,
          getItemOrNullObject(this: { byName: Record<string, unknown> }, name: string) {
            return this.byName[name] ?? nullObject;
          },
          getItem(this: { byName: Record<string, unknown> }, name: string) {
            const item = this.byName[name];
            if (!item) throw new Error(`ItemNotFound: ${name}`);
            return item;
          },
        },
      },
    },
  });
  const context = mock.context as { sync: () => Promise<void> };
  const sync = context.sync.bind(context);
  // office-addin-mock settles nested properties in later microtasks; let them finish as a real sync would.
  context.sync = async () => {
    counts.syncs += 1;
    await sync();
    await new Promise((r) => setTimeout(r, 0));
  };
  const run: ExcelRun = async (batch) => {
    counts.runs += 1;
    return batch(mock.context as unknown as Excel.RequestContext);
  };
  return { run, address, selected: () => selected, counts, changeHandlers };
}
