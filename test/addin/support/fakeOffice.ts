// A stand-in for the Office host, injected into the pane page before it loads: Office.onReady, Excel.run with
// a fake context over a table of defined names, CustomFunctions.associate. Runs in the browser.

export interface FakeWorkbookData {
  readonly meta: readonly (readonly [string, string])[] | null;
  /** Defined name → cell value ('' for empty). */
  readonly values: Readonly<Record<string, string | number | boolean>>;
}

export interface FakeOfficeState {
  runs: number;
  syncs: number;
  selected: string | null;
  associated: string[];
  setValue(name: string, value: string | number): void;
  fireChange(): void;
}

/**
 * The init script for a workbook: installFakeOffice's source applied to the data. The source is whatever the
 * test transform produced, which may call esbuild's `__name` helper, so the script defines it first.
 */
export function fakeOfficeScript(data: FakeWorkbookData): string {
  return `var __name = (f) => f;\n(${installFakeOffice.toString()})(${JSON.stringify(data)});`;
}

/** Runs in the page (see fakeOfficeScript). Must be self-contained. */
export function installFakeOffice(data: FakeWorkbookData): void {
  const values: Record<string, string | number | boolean> = { ...data.values };
  const names = Object.keys(values);
  const handlers: (() => Promise<unknown>)[] = [];
  const state: FakeOfficeState = {
    runs: 0,
    syncs: 0,
    selected: null,
    associated: [],
    setValue: (name, value) => {
      values[name] = value;
    },
    fireChange: () => {
      for (const h of handlers) void h();
    },
  };
  const address = (name: string): string => `自评价!B${names.indexOf(name) + 2}`;
  const loadable = <T extends object>(o: T): T & { load: () => T } => Object.assign(o, { load: () => o });
  const rangeOf = (name: string) =>
    loadable({
      get values() {
        return [[values[name] ?? '']];
      },
      address: address(name),
      select: () => {
        state.selected = address(name);
      },
      worksheet: { activate: () => undefined },
    });
  const context = {
    sync: async () => {
      state.syncs += 1;
    },
    workbook: {
      worksheets: {
        getItemOrNullObject: (sheet: string) =>
          sheet === '_meta' && data.meta
            ? { isNullObject: false, getRange: () => loadable({ values: data.meta?.map(([k, v]) => [k, v]) ?? [] }) }
            : { isNullObject: true },
        onChanged: {
          add: (h: () => Promise<unknown>) => {
            handlers.push(h);
            return { remove: () => undefined, context };
          },
        },
      },
      names: {
        getItemOrNullObject: (name: string) => (name in values ? { isNullObject: false, getRange: () => rangeOf(name) } : { isNullObject: true }),
        getItem: (name: string) => ({ getRange: () => rangeOf(name) }),
      },
    },
  };
  class CFError extends Error {
    code: string;
    constructor(code: string, message?: string) {
      super(message);
      this.code = code;
    }
  }
  const w = window as unknown as Record<string, unknown>;
  w.__fakeOffice = state;
  w.Office = {
    HostType: { Excel: 'Excel' },
    context: { requirements: { isSetSupported: () => true } },
    onReady: (cb?: (info: { host: string; platform: string }) => void) => {
      const info = { host: 'Excel', platform: 'OfficeOnline' };
      return new Promise((resolve) => {
        setTimeout(() => {
          cb?.(info);
          resolve(info);
        }, 0);
      });
    },
  };
  w.Excel = {
    run: async (batch: (ctx: unknown) => Promise<unknown>) => {
      state.runs += 1;
      return batch(context);
    },
  };
  w.CustomFunctions = {
    Error: CFError,
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' },
    associate: (id: string) => {
      state.associated.push(id);
    },
  };
}
