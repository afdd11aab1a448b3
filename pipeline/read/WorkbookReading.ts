// The interface every workbook reader implements: given the file's bytes and what to look for, the
// readings of the template's named cells and the template's identity.
import type { CellLocation } from './cellRef.ts';
import type { CellReading } from './CellReading.ts';

/** A template version's cell map: defined name → where that version put the cell. */
export type CellMap = ReadonlyMap<string, CellLocation>;

export interface ReadRequest {
  /** Defined names to read (inputs and results). */
  readonly fields: readonly string[];
  /** Fallback cell maps per template version, used for names the workbook lacks. */
  readonly cellMaps: ReadonlyMap<string, CellMap>;
}

export interface TemplateMeta {
  readonly templateId: string | null;
  readonly templateVersion: string | null;
  readonly rulesetVersion: string | null;
}

export interface LocatedCell {
  readonly field: string;
  readonly location: CellLocation | null;
  readonly reading: CellReading;
  readonly locatedBy: 'defined-name' | 'cell-map' | 'none';
}

export interface WorkbookReading {
  readonly meta: TemplateMeta;
  readonly date1904: boolean;
  readonly sheetNames: readonly string[];
  /** Every workbook-scoped defined name that points at a single cell. */
  readonly definedNames: ReadonlyMap<string, CellLocation>;
  readonly cells: ReadonlyMap<string, LocatedCell>;
}

export type WorkbookReader = (bytes: Buffer, request: ReadRequest) => Promise<WorkbookReading>;

export const META_SHEET = '_meta';
