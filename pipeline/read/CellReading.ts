// The normalised reading of one cell: what every workbook reader returns, so nothing downstream knows
// which reader (the fast streaming one or ExcelJS) produced it.
import type { RawScalar } from '../../core/index.ts';

export type CellReading =
  | { readonly kind: 'empty'; readonly formula?: boolean }
  | { readonly kind: 'number'; readonly value: number; readonly formula?: boolean }
  | { readonly kind: 'text'; readonly value: string; readonly formula?: boolean }
  /** ISO date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:mm:ss). */
  | { readonly kind: 'date'; readonly value: string; readonly formula?: boolean }
  | { readonly kind: 'bool'; readonly value: boolean; readonly formula?: boolean }
  /** Excel error literal such as #N/A or #VALUE!. */
  | { readonly kind: 'error'; readonly value: string; readonly formula?: boolean }
  | { readonly kind: 'formula-without-cache'; readonly formula: true };

export const EMPTY: CellReading = { kind: 'empty' };

/** The value handed to the core's parser. Errors stay visible as their literal so the core flags them. */
export function rawScalarOf(r: CellReading): RawScalar {
  switch (r.kind) {
    case 'empty':
    case 'formula-without-cache':
      return null;
    case 'number':
    case 'text':
    case 'bool':
    case 'error':
      return r.value;
    case 'date':
      return r.value;
  }
}

/** Text form of a reading for the findings' `raw` column. */
export function displayOf(r: CellReading): string | number | boolean | null {
  const v = rawScalarOf(r);
  return v === undefined ? null : v;
}
