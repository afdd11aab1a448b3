// The template's identity and its cell maps per version, as the reader needs them: the one place the
// read stage learns about the template generator's layout.
import type { CellLocation } from './cellRef.ts';
import type { CellMap } from './WorkbookReading.ts';

export const TEMPLATE_ID = 'sfe-jiangsu-smart-factory';

const maps = new Map<string, CellMap>([['2025.1', new Map()]]);

/** Registers another version's cell map (tests, or an agency's older template). */
export function registerCellMap(version: string, map: ReadonlyMap<string, CellLocation>): void {
  maps.set(version, map);
}

export const knownCellMaps = (): ReadonlyMap<string, CellMap> => maps;

export const isKnownVersion = (v: string): boolean => maps.has(v);
