// The cell of every defined name per template version: the fallback for workbooks whose names were lost
// (copied sheets, other spreadsheet programs). Derived from the layout, never typed by hand.
import { RULESET_2025 } from '../../core/index.ts';
import { buildLayout, TEMPLATE_ID, TEMPLATE_VERSION, type CellRef } from './layout.ts';

export { TEMPLATE_ID, TEMPLATE_VERSION };
export type { CellRef };

export const TEMPLATE_CELL_MAPS: Readonly<Record<string, Readonly<Record<string, CellRef>>>> = {
  [TEMPLATE_VERSION]: buildLayout(RULESET_2025).names,
};
