// What a report shows, as rows read from the analytics views (pipeline/analytics/views.ts). The HTML page,
// the summary workbook and the exports render these rows and compute nothing themselves.
import type { TierKey } from '../../core/index.ts';

export type Cell = string | number | null;
export type Row = Readonly<Record<string, Cell>>;

export type ColumnKind = 'text' | 'int' | 'num' | 'pct';

export interface Column {
  readonly key: string;
  /** Chinese header. */
  readonly header: string;
  readonly kind: ColumnKind;
}

/** One breakdown: a view's rows with Chinese headers; a sheet of the workbook and a table of the page. */
export interface Breakdown {
  readonly id: string;
  /** Sheet name (≤ 31 characters, no []:*?/\). */
  readonly sheet: string;
  readonly title: string;
  /** The view the rows come from, named so an analyst can rerun the query. */
  readonly view: string;
  readonly columns: readonly Column[];
  readonly rows: readonly Row[];
}

export interface Scope {
  readonly city: { readonly code: string; readonly name: string } | null;
  readonly industry: { readonly code: string; readonly name: string } | null;
}

/** Composite and tier statistics of one group (a row of region_stats). */
export interface GroupStats {
  readonly code: string;
  readonly label: string;
  readonly returns: number;
  readonly scored: number;
  readonly mean: number | null;
  readonly median: number | null;
  readonly q1: number | null;
  readonly q3: number | null;
  readonly min: number | null;
  readonly max: number | null;
  readonly reference: Readonly<Record<TierKey | 'none', number>>;
  readonly suggested: Readonly<Record<TierKey | 'none', number>>;
  /** Reference tier 基础级 or above, 先进级 or above, their share of returns, and 差 1–3 个场景即可升级. */
  readonly basicPlus: number;
  readonly advancedPlus: number;
  readonly basicPlusShare: number | null;
  readonly upgrade13: number;
}

export interface IndicatorProfile {
  readonly id: number;
  readonly name: string;
  readonly answered: number;
  readonly na: number;
  readonly naShare: number | null;
  /** Counts at levels 1..6 (index 0 = level 1). */
  readonly levels: readonly number[];
  readonly meanScore: number | null;
}

export interface ScenarioAdoption {
  readonly id: number;
  readonly name: string;
  readonly area: string;
  readonly stage: string;
  /** Share of returns rated exactly at each tier. */
  readonly share: Readonly<Record<TierKey, number | null>>;
  /** Share rated at any tier. */
  readonly anyShare: number | null;
}

export interface StageAdoption {
  readonly key: string;
  readonly label: string;
  /** Share of returns with at least one scenario of this stage rated at the tier or above. */
  readonly share: Readonly<Record<TierKey, number | null>>;
}

export interface UpgradeGap {
  readonly nextTier: TierKey;
  readonly label: string;
  readonly candidates: number;
  /** Enterprises whose next tier needs exactly 1, 2, 3 more scenarios and nothing else. */
  readonly gap1: number;
  readonly gap2: number;
  readonly gap3: number;
}

export interface UnmetCount {
  readonly nextTier: TierKey;
  readonly tierLabel: string;
  readonly condition: string;
  readonly label: string;
  readonly enterprises: number;
  readonly share: number | null;
}

export interface RosterCoverage {
  readonly code: string;
  readonly label: string;
  readonly expected: number;
  readonly returned: number;
  readonly missing: number;
  readonly unexpected: number;
  readonly coverage: number | null;
}

export interface QualityCount {
  readonly code: string;
  readonly label: string;
  readonly severity: string;
  readonly findings: number;
  readonly enterprises: number;
}

/** A current return with errors, to be sent back for correction. */
export interface Correction {
  readonly uscc: string;
  readonly name: string;
  readonly area: string;
  readonly errors: number;
  readonly problems: string;
}

export interface ReportData {
  readonly title: string;
  readonly scope: Scope;
  /** Local time of generation, YYYY-MM-DD HH:mm. */
  readonly generatedAt: string;
  readonly rulesetVersion: string;
  readonly overall: GroupStats;
  /** The ranked areas: the 13 cities, or the counties of the city in scope. */
  readonly areas: readonly GroupStats[];
  readonly areaKind: 'city' | 'county';
  readonly industries: readonly GroupStats[];
  readonly indicators: readonly IndicatorProfile[];
  readonly scenarios: readonly ScenarioAdoption[];
  readonly stages: readonly StageAdoption[];
  /** The same per D4 area (15 areas). */
  readonly scenarioAreas: readonly StageAdoption[];
  readonly upgrade: readonly UpgradeGap[];
  readonly unmet: readonly UnmetCount[];
  /** Roster coverage of the areas; the first row is the total of the scope. Empty when no roster is loaded. */
  readonly roster: readonly RosterCoverage[];
  readonly quality: readonly QualityCount[];
  /** Returns to send back, capped at CORRECTIONS_SHOWN; `correctionsTotal` is the full count. */
  readonly corrections: readonly Correction[];
  readonly correctionsTotal: number;
  /** Every breakdown, for the workbook and the page's tables. */
  readonly breakdowns: readonly Breakdown[];
}
