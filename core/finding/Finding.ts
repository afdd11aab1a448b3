// A finding is plain data discriminated by a stable, namespaced English code. The Chinese message is
// rendered from the code and params by finding/messages.zh.ts, so tests assert codes and params.

export type Severity = 'error' | 'warning' | 'info';

export type FindingCode =
  | 'input/normalised'
  | 'input/unreadable'
  | 'cell/required'
  | 'level/out-of-range'
  | 'level/na-not-allowed'
  | 'score/missing'
  | 'score/out-of-band'
  | 'score/without-level'
  | 'score/with-na'
  | 'investment/negative'
  | 'investment/2024-exceeds-total'
  | 'scenario/unknown'
  | 'scenario/tier-without-description'
  | 'uscc/format'
  | 'uscc/check-char'
  | 'uscc/region-mismatch'
  | 'uscc/outside-jiangsu'
  | 'region/unknown-city'
  | 'region/unknown-county'
  | 'region/county-not-in-city'
  | 'industry/unknown'
  | 'composite/incomplete'
  | 'tier/composite-below-threshold';

export type ParamValue = string | number | boolean | null | readonly (string | number)[];
export type Params = Readonly<Record<string, ParamValue>>;

/**
 * Where a finding is. `field` is the template's defined name (e.g. SFE_I02_SCORE), the key by which
 * the workbook, the pipeline and the add-in locate the cell.
 */
export interface Where {
  readonly field: string;
  readonly indicator?: number;
  readonly scenario?: number;
}

export interface Finding {
  readonly code: FindingCode;
  readonly severity: Severity;
  readonly where: Where;
  /** The value as read, before normalisation. */
  readonly raw?: string | number | boolean | null;
  readonly params: Params;
  /** Chinese, rendered from code + params. */
  readonly message: string;
}

export type UnmetCode =
  | 'unmet/declaration'
  | 'unmet/composite'
  | 'unmet/scenarios'
  | 'unmet/stages'
  | 'unmet/maturity'
  | 'unmet/composite-threshold';

export interface Unmet {
  readonly code: UnmetCode;
  readonly tier: string;
  /** False for advisory items (a composite threshold under the default Reading R8). */
  readonly blocking: boolean;
  readonly params: Params;
  readonly message: string;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** The template's defined names: the contract between the workbook and every tool that reads it. */
export const FIELD = {
  name: 'SFE_NAME',
  uscc: 'SFE_USCC',
  city: 'SFE_CITY',
  county: 'SFE_COUNTY',
  industry: 'SFE_INDUSTRY',
  scale: 'SFE_SCALE',
  maturity: 'SFE_MATURITY',
  fillDate: 'SFE_FILL_DATE',
  contact: 'SFE_CONTACT',
  phone: 'SFE_PHONE',
  declaration: (key: string): string => `SFE_DECL_${key.toUpperCase()}`,
  level: (id: number): string => `SFE_I${pad2(id)}_LEVEL`,
  score: (id: number): string => `SFE_I${pad2(id)}_SCORE`,
  investmentTotal: 'SFE_I07_TOTAL',
  investment2024: 'SFE_I07_2024',
  tier: (id: number): string => `SFE_S${pad2(id)}_TIER`,
  composite: 'SFE_COMPOSITE',
  suggestedTier: 'SFE_SUGGESTED_TIER',
  referenceTier: 'SFE_REFERENCE_TIER',
} as const;
