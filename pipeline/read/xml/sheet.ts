// One worksheet part, streamed: only the wanted cells are decoded; everything else (including whole-column
// data validations that make DOM readers expand millions of cells) passes by as events.
import type { CellReading } from '../CellReading.ts';
import { excelSerialToIso } from '../excelDate.ts';
import { STOP, walkXml } from './sax.ts';

export interface SheetContext {
  readonly sharedStrings: readonly string[];
  readonly dateStyles: readonly boolean[];
  readonly date1904: boolean;
}

interface RawCell {
  ref: string;
  type: string;
  style: number;
  value: string | null;
  inline: string | null;
  formula: boolean;
}

function decode(c: RawCell, ctx: SheetContext): CellReading {
  const f = c.formula ? { formula: true as const } : {};
  if (c.type === 'inlineStr') {
    const v = c.inline ?? c.value;
    return v === null || v === '' ? { kind: 'empty', ...f } : { kind: 'text', value: v, ...f };
  }
  if (c.value === null) return c.formula ? { kind: 'formula-without-cache', formula: true } : { kind: 'empty' };
  switch (c.type) {
    case 's': {
      const s = ctx.sharedStrings[Number(c.value)];
      return s === undefined || s === '' ? { kind: 'empty', ...f } : { kind: 'text', value: s, ...f };
    }
    case 'str':
      return c.value === '' ? { kind: 'empty', ...f } : { kind: 'text', value: c.value, ...f };
    case 'b':
      return { kind: 'bool', value: c.value === '1' || c.value === 'true', ...f };
    case 'e':
      return { kind: 'error', value: c.value, ...f };
    case 'd':
      return { kind: 'date', value: c.value.replace(/(T00:00:00(\.0+)?)?Z?$/, ''), ...f };
    default: {
      if (c.value.trim() === '') return c.formula ? { kind: 'formula-without-cache', formula: true } : { kind: 'empty' };
      const n = Number(c.value);
      if (!Number.isFinite(n)) return { kind: 'text', value: c.value, ...f };
      if (ctx.dateStyles[c.style]) return { kind: 'date', value: excelSerialToIso(n, ctx.date1904), ...f };
      return { kind: 'number', value: n, ...f };
    }
  }
}

/** Readings of `wanted` addresses (A1 style, no $) in one sheet; absent cells are not in the map. */
export function readSheetCells(xml: Buffer, wanted: ReadonlySet<string>, ctx: SheetContext): Map<string, CellReading> {
  const out = new Map<string, CellReading>();
  let cell: RawCell | null = null;
  let inV = false;
  let inIsT = false;
  let inIs = false;
  let phonetic = 0;
  walkXml(xml, 'worksheet', {
    open(name, a, selfClosing) {
      if (name === 'c') {
        const ref = a.r ?? '';
        cell = wanted.has(ref) ? { ref, type: a.t ?? 'n', style: Number(a.s ?? 0), value: null, inline: null, formula: false } : null;
        if (cell && selfClosing) {
          out.set(cell.ref, decode(cell, ctx));
          cell = null;
          if (out.size === wanted.size) throw STOP;
        }
        return;
      }
      if (!cell) return;
      if (name === 'f') cell.formula = true;
      else if (name === 'v' && !selfClosing) {
        inV = true;
        cell.value = '';
      } else if (name === 'is') {
        inIs = true;
        cell.inline = '';
      } else if (name === 'rPh') phonetic += selfClosing ? 0 : 1;
      else if (name === 't' && inIs && !selfClosing) inIsT = true;
    },
    text(t) {
      if (!cell) return;
      if (inV) cell.value += t;
      else if (inIsT && phonetic === 0) cell.inline += t;
    },
    close(name) {
      if (name === 'v') inV = false;
      else if (name === 't') inIsT = false;
      else if (name === 'is') inIs = false;
      else if (name === 'rPh') phonetic = Math.max(0, phonetic - 1);
      else if (name === 'c' && cell) {
        out.set(cell.ref, decode(cell, ctx));
        cell = null;
        // Everything after the last wanted cell (the rest of the rows, validations, formatting) is skipped.
        if (out.size === wanted.size) throw STOP;
      }
    },
  });
  return out;
}
