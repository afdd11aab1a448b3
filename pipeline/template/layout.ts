// Where every cell of the workbook is, as data. The generator writes what this says, the cell map (the
// fallback when a returned workbook lost its defined names) is derived from it, and formulas address cells
// only through it, so moving a row is one edit here.
import {
  DECLARATION_KEYS,
  FIELD,
  INDICATOR_IDS_LEVELLED,
  TIER_KEYS,
  type DeclarationKey,
  type Ruleset,
  type TierKey,
} from '../../core/index.ts';

export const TEMPLATE_ID = 'sfe-jiangsu-smart-factory';
export const TEMPLATE_VERSION = '2025.1';

/** Sheet names, in workbook order. Names starting with 「_」 are hidden. */
export const SHEET = {
  guide: '填报说明',
  enterprise: '企业信息',
  indicators: '数字化转型自评价',
  bands: '打分参考',
  scenarios: '场景自评价',
  results: '评价结果',
  lists: '_lists',
  calc: '_calc',
  meta: '_meta',
} as const;

export interface CellRef {
  readonly sheet: string;
  readonly address: string;
}

/** 'Sheet'!$B$3 */
export function absRef(c: CellRef): string {
  const m = /^([A-Z]+)(\d+)$/.exec(c.address);
  if (!m) throw new RangeError(`bad address ${c.address}`);
  return `'${c.sheet}'!$${m[1]}$${m[2]}`;
}

/** 'Sheet'!$A$2:$A$14 */
export function absRange(sheet: string, col: string, fromRow: number, toRow: number): string {
  return `'${sheet}'!$${col}$${fromRow}:$${col}$${toRow}`;
}

export const colLetter = (n: number): string => {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};

// ---------------------------------------------------------------- 企业信息
export const ENT_COL = { label: 'A', input: 'B', hint: 'C', check: 'D' } as const;

export type EnterpriseKey =
  | 'name' | 'uscc' | 'city' | 'county' | 'industry' | 'scale'
  | `decl_${DeclarationKey}`
  | 'maturity' | 'contact' | 'phone' | 'fillDate';

export interface EnterpriseRow {
  readonly key: EnterpriseKey;
  readonly field: string;
  readonly row: number;
}

/** Row 1 title, row 2 header, rows 3–8 identity, row 9 section, 10–13 declarations, 14–17 the rest. */
export const ENT_SECTION_ROW = 9;
export const ENTERPRISE_ROWS: readonly EnterpriseRow[] = [
  { key: 'name', field: FIELD.name, row: 3 },
  { key: 'uscc', field: FIELD.uscc, row: 4 },
  { key: 'city', field: FIELD.city, row: 5 },
  { key: 'county', field: FIELD.county, row: 6 },
  { key: 'industry', field: FIELD.industry, row: 7 },
  { key: 'scale', field: FIELD.scale, row: 8 },
  ...DECLARATION_KEYS.map((k, i) => ({ key: `decl_${k}` as const, field: FIELD.declaration(k), row: 10 + i })),
  { key: 'maturity', field: FIELD.maturity, row: 14 },
  { key: 'contact', field: FIELD.contact, row: 15 },
  { key: 'phone', field: FIELD.phone, row: 16 },
  { key: 'fillDate', field: FIELD.fillDate, row: 17 },
];

export function entRow(key: EnterpriseKey): number {
  const r = ENTERPRISE_ROWS.find((x) => x.key === key);
  if (!r) throw new RangeError(`no enterprise row ${key}`);
  return r.row;
}
export const entInput = (key: EnterpriseKey): CellRef => ({ sheet: SHEET.enterprise, address: `${ENT_COL.input}${entRow(key)}` });

// ---------------------------------------------------------------- 数字化转型自评价 (表2)
export const IND_COL = {
  group: 'A', no: 'B', name: 'C', level: 'D', text: 'E', inLevel: 'F', inScore: 'G', fit: 'H', check: 'I',
} as const;
export const IND_HEADER_ROW = 3;
export const IND_FIRST_ROW = 4;

export interface IndicatorBlock {
  readonly id: number;
  readonly kind: 'levelled' | 'amount';
  readonly firstRow: number;
  readonly lastRow: number;
  /** Levelled: rows of levels 1..6; the 「不涉及此环节」 row when allowed. */
  readonly levelRows: readonly number[];
  readonly naRow: number | null;
  /** Amount (7): the question row and the two amount rows. */
  readonly questionRow: number | null;
  readonly totalRow: number | null;
  readonly y2024Row: number | null;
}

// ---------------------------------------------------------------- 场景自评价
export const SC_COL = {
  no: 'A', area: 'B', name: 'C', basic: 'D', advanced: 'E', excellent: 'F', leading: 'G', stage: 'H', input: 'I', check: 'J', note: 'K',
} as const;
export const SC_HEADER_ROW = 3;
export const SC_FIRST_ROW = 4;

export interface ScenarioRow {
  readonly id: number;
  readonly row: number;
}

// ---------------------------------------------------------------- _lists
export const LIST_COL = { cities: 'A', industries: 'B', maturity: 'C', yesNo: 'D', scale: 'E', firstCounty: 6 } as const;
export const LIST_NAME = {
  cities: 'L_CITIES',
  industries: 'L_INDUSTRIES',
  maturity: 'L_MATURITY',
  yesNo: 'L_YESNO',
  scale: 'L_SCALE',
  /** One per city, e.g. L_苏州市; the county dropdown is INDIRECT("L_"&city). */
  countiesPrefix: 'L_',
} as const;
export const SCALE_OPTIONS = ['大型企业', '中型企业', '小型企业', '微型企业'] as const;

// ---------------------------------------------------------------- _calc
/** Indicator rows: one per scored indicator (levelled ones, then 7 when an agency banding scores it). */
export const CALC_IND_COL = { id: 'A', kind: 'B', level: 'C', status: 'D', scaled: 'E', check: 'F', fit: 'G', score: 'H' } as const;
export const CALC_IND_FIRST_ROW = 2;
/** Scenario rows. */
export const CALC_SC_COL = { id: 'A', rank: 'B', stage: 'C', check: 'D' } as const;
export const CALC_SC_FIRST_ROW = 30;

export type CalcScalar =
  | 'scored' | 'na' | 'bad' | 'sum' | 'complete' | 'composite' | 'maturityRank' | 'declOk' | 'flagged' | 'refRank'
  | 'nextTier' | 'nextUnmet' | 'refWarning';
/** Single-value helper cells in column K of _calc, one per row from CALC_SCALAR_FIRST_ROW. */
export const CALC_SCALARS: readonly CalcScalar[] = [
  'scored', 'na', 'bad', 'sum', 'complete', 'composite', 'maturityRank', 'declOk', 'flagged', 'refRank', 'nextTier', 'nextUnmet', 'refWarning',
];
export const CALC_SCALAR_COL = { label: 'J', value: 'K' } as const;
export const CALC_SCALAR_FIRST_ROW = 2;

/** Per-tier helper rows (one row per tier), columns from M. */
export const CALC_TIER_COL = {
  tier: 'M', rated: 'N', count: 'O',
  /** five stage counts P..T in STAGE_KEYS order */
  stageFirst: 16,
  above: 'U', declOk: 'V', compOk: 'W', scenOk: 'X', stagesOk: 'Y', matOk: 'Z', thrOk: 'AA', met: 'AB', uncovered: 'AC', unmet: 'AD',
} as const;
export const CALC_TIER_FIRST_ROW = 2;

// ---------------------------------------------------------------- 评价结果
export const RES_COL = { label: 'A', value: 'B', last: 'I' } as const;
export const RES_ROW = {
  title: 1,
  note: 2,
  sec1: 3,
  scored: 4,
  na: 5,
  bad: 6,
  composite: 7,
  suggested: 8,
  sec2: 10,
  scHeader: 11,
  /** 4 tier rows 12..15 */
  scFirst: 12,
  flagged: 16,
  sec3: 18,
  condHeader: 19,
  /** 4 tier rows 20..23 */
  condFirst: 20,
  sec4: 25,
  reference: 26,
  nextTier: 27,
  nextUnmet: 28,
  warning: 29,
} as const;

// ---------------------------------------------------------------- _meta
export const META_ROWS = [
  { key: 'template_id', name: 'SFE_TEMPLATE_ID', row: 1 },
  { key: 'template_version', name: 'SFE_TEMPLATE_VERSION', row: 2 },
  { key: 'ruleset_version', name: 'SFE_RULESET_VERSION', row: 3 },
  { key: 'readings_source', name: null, row: 4 },
] as const;

// ---------------------------------------------------------------- the whole layout
export interface Layout {
  readonly indicatorBlocks: readonly IndicatorBlock[];
  /** Last row of 表2 (the composite summary row). */
  readonly indicatorSummaryRow: number;
  readonly scenarioRows: readonly ScenarioRow[];
  /** Area groups: consecutive scenarios sharing D4's 环节. */
  readonly areaGroups: readonly { readonly area: string; readonly firstRow: number; readonly lastRow: number }[];
  /** _calc indicator rows, by indicator id (7 only when scored). */
  readonly calcIndicatorRows: ReadonlyMap<number, number>;
  readonly calcIndicatorLastRow: number;
  readonly calcScenarioRows: ReadonlyMap<number, number>;
  /** Every defined name of the contract → its cell. */
  readonly names: Readonly<Record<string, CellRef>>;
}

export function buildLayout(ruleset: Ruleset): Layout {
  const names: Record<string, CellRef> = {};
  for (const r of ENTERPRISE_ROWS) names[r.field] = entInput(r.key);

  const blocks: IndicatorBlock[] = [];
  let row = IND_FIRST_ROW;
  for (const ind of ruleset.indicators) {
    if (ind.kind === 'levelled') {
      const levelRows = ind.levels.map((_, i) => row + i);
      const naRow = ind.naAllowed ? row + 6 : null;
      const lastRow = naRow ?? row + 5;
      blocks.push({ id: ind.id, kind: 'levelled', firstRow: row, lastRow, levelRows, naRow, questionRow: null, totalRow: null, y2024Row: null });
      names[FIELD.level(ind.id)] = { sheet: SHEET.indicators, address: `${IND_COL.inLevel}${row}` };
      names[FIELD.score(ind.id)] = { sheet: SHEET.indicators, address: `${IND_COL.inScore}${row}` };
      row = lastRow + 1;
    } else {
      blocks.push({ id: ind.id, kind: 'amount', firstRow: row, lastRow: row + 2, levelRows: [], naRow: null, questionRow: row, totalRow: row + 1, y2024Row: row + 2 });
      names[FIELD.investmentTotal] = { sheet: SHEET.indicators, address: `${IND_COL.inLevel}${row + 1}` };
      names[FIELD.investment2024] = { sheet: SHEET.indicators, address: `${IND_COL.inLevel}${row + 2}` };
      row += 3;
    }
  }
  const indicatorSummaryRow = row;

  const scenarioRows: ScenarioRow[] = ruleset.scenarios.map((s, i) => ({ id: s.id, row: SC_FIRST_ROW + i }));
  for (const s of scenarioRows) names[FIELD.tier(s.id)] = { sheet: SHEET.scenarios, address: `${SC_COL.input}${s.row}` };
  const areaGroups: { area: string; firstRow: number; lastRow: number }[] = [];
  ruleset.scenarios.forEach((s, i) => {
    const r = SC_FIRST_ROW + i;
    const last = areaGroups[areaGroups.length - 1];
    if (last && last.area === s.area) last.lastRow = r;
    else areaGroups.push({ area: s.area, firstRow: r, lastRow: r });
  });

  const calcIndicatorRows = new Map<number, number>();
  INDICATOR_IDS_LEVELLED.forEach((id, i) => calcIndicatorRows.set(id, CALC_IND_FIRST_ROW + i));
  if (ruleset.readings.indicator7Banding) calcIndicatorRows.set(7, CALC_IND_FIRST_ROW + INDICATOR_IDS_LEVELLED.length);
  const calcIndicatorLastRow = CALC_IND_FIRST_ROW + calcIndicatorRows.size - 1;
  const calcScenarioRows = new Map(ruleset.scenarios.map((s, i) => [s.id, CALC_SC_FIRST_ROW + i] as const));

  names[FIELD.composite] = { sheet: SHEET.results, address: `${RES_COL.value}${RES_ROW.composite}` };
  names[FIELD.suggestedTier] = { sheet: SHEET.results, address: `${RES_COL.value}${RES_ROW.suggested}` };
  names[FIELD.referenceTier] = { sheet: SHEET.results, address: `${RES_COL.value}${RES_ROW.reference}` };
  for (const m of META_ROWS) if (m.name) names[m.name] = { sheet: SHEET.meta, address: `B${m.row}` };

  return { indicatorBlocks: blocks, indicatorSummaryRow, scenarioRows, areaGroups, calcIndicatorRows, calcIndicatorLastRow, calcScenarioRows, names };
}

// ---------------------------------------------------------------- helpers over the layout
export const calcScalar = (k: CalcScalar): CellRef => ({
  sheet: SHEET.calc,
  address: `${CALC_SCALAR_COL.value}${CALC_SCALAR_FIRST_ROW + CALC_SCALARS.indexOf(k)}`,
});
export const calcTierRow = (t: TierKey): number => CALC_TIER_FIRST_ROW + TIER_KEYS.indexOf(t);
export const calcTierCell = (t: TierKey, col: string): CellRef => ({ sheet: SHEET.calc, address: `${col}${calcTierRow(t)}` });

export function namedCell(layout: Layout, name: string): CellRef {
  const c = layout.names[name];
  if (!c) throw new RangeError(`no defined name ${name} in the layout`);
  return c;
}
