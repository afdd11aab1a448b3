// The template's identity and its cell maps per version, as the reader needs them: the one place the
// read stage learns about the template generator's layout.
import { TEMPLATE_CELL_MAPS, TEMPLATE_ID } from '../template/cellMap.ts';
import type { CellLocation } from './cellRef.ts';
import type { CellMap } from './WorkbookReading.ts';

export { TEMPLATE_ID };

const maps = new Map<string, CellMap>(Object.entries(TEMPLATE_CELL_MAPS).map(([v, m]) => [v, new Map(Object.entries(m))]));

/** Registers another version's cell map (tests, or an agency's older template). */
export function registerCellMap(version: string, map: ReadonlyMap<string, CellLocation>): void {
  maps.set(version, map);
}

export const knownCellMaps = (): ReadonlyMap<string, CellMap> => maps;

export const isKnownVersion = (v: string): boolean => maps.has(v);
