// Where each requested field is: the workbook's own defined name first, the template version's cell map next.
import type { CellLocation } from './cellRef.ts';
import type { ReadRequest, TemplateMeta } from './WorkbookReading.ts';

export interface Target {
  readonly field: string;
  readonly location: CellLocation | null;
  readonly locatedBy: 'defined-name' | 'cell-map' | 'none';
}

export function locateFields(request: ReadRequest, names: ReadonlyMap<string, CellLocation>, meta: TemplateMeta): Target[] {
  const map = meta.templateVersion === null ? undefined : request.cellMaps.get(meta.templateVersion);
  return request.fields.map((field) => {
    const byName = names.get(field);
    if (byName) return { field, location: byName, locatedBy: 'defined-name' };
    const byMap = map?.get(field);
    if (byMap) return { field, location: byMap, locatedBy: 'cell-map' };
    return { field, location: null, locatedBy: 'none' };
  });
}

/** Meta cells: A1..A3 keys, B1..B3 values of the hidden `_meta` sheet. */
export const META_CELLS = ['A1', 'B1', 'A2', 'B2', 'A3', 'B3'] as const;

export function metaFromCells(get: (address: string) => string | null): TemplateMeta {
  const pairs = new Map<string, string | null>();
  for (let row = 1; row <= 3; row++) {
    const key = get(`A${row}`);
    if (key) pairs.set(key.trim(), get(`B${row}`)?.trim() ?? null);
  }
  return {
    templateId: pairs.get('template_id') ?? null,
    templateVersion: pairs.get('template_version') ?? null,
    rulesetVersion: pairs.get('ruleset_version') ?? null,
  };
}
