// Cell references as they appear in defined names: 'Sheet name'!$E$9, Sheet!E9, Sheet!$E$9:$E$9.

export interface CellLocation {
  readonly sheet: string;
  /** A1-style address without $, e.g. E9. */
  readonly address: string;
}

/** Parses a defined name's formula to its (first) cell, or null for anything else (#REF!, constants, …). */
export function parseCellRef(formula: string): CellLocation | null {
  const t = formula.trim();
  const m = /^(?:'((?:[^']|'')+)'|([^'!:]+))!\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?[A-Z]{1,3}\$?\d{1,7})?$/.exec(t);
  if (!m) return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? '');
  return { sheet, address: `${m[3]}${m[4]}` };
}

/** 数字化转型自评价!E9 — how findings show where a cell is. */
export const cellLabel = (l: CellLocation): string => `${l.sheet}!${l.address}`;
