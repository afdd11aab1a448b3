// Which grouping-set rows of a view belong to a report's scope (全省, one city, one industry, or both).
import type { DuckDBValue } from '@duckdb/node-api';

export interface ScopeFilter {
  /** 4-digit city code, or null for the province. */
  readonly city: string | null;
  /** 2-digit GB/T 4754 大类, or null for all industries. */
  readonly industry: string | null;
}

export interface Where {
  readonly sql: string;
  readonly params: DuckDBValue[];
}

/** The grain of the scope itself in the four-way views (indicator_profile, scenario_adoption, …). */
export function scopeGrain(s: ScopeFilter): string {
  if (s.city && s.industry) return 'city_industry';
  if (s.city) return 'city';
  if (s.industry) return 'industry';
  return 'province';
}

/** Rows of a scope-grained view for exactly this scope. */
export function scopeWhere(s: ScopeFilter): Where {
  return {
    sql: 'grain = ? AND city_code IS NOT DISTINCT FROM ? AND industry_code IS NOT DISTINCT FROM ?',
    params: [scopeGrain(s), s.city, s.industry],
  };
}

/** The region views' rows one level below the scope: cities (or the city's counties), within the industry. */
export function areaWhere(s: ScopeFilter): Where & { kind: 'city' | 'county' } {
  if (s.city) {
    return {
      kind: 'county',
      sql: `grain = ? AND city_code = ?${s.industry ? ' AND industry_code = ?' : ''}`,
      params: [s.industry ? 'county_industry' : 'county', s.city, ...(s.industry ? [s.industry] : [])],
    };
  }
  return {
    kind: 'city',
    sql: `grain = ?${s.industry ? ' AND industry_code = ?' : ''}`,
    params: [s.industry ? 'city_industry' : 'city', ...(s.industry ? [s.industry] : [])],
  };
}

/** The industries within the scope's city (or the province). */
export function industryWhere(s: ScopeFilter): Where {
  if (s.city) {
    return {
      sql: `grain = 'city_industry' AND city_code = ?${s.industry ? ' AND industry_code = ?' : ''}`,
      params: [s.city, ...(s.industry ? [s.industry] : [])],
    };
  }
  return { sql: `grain = 'industry'${s.industry ? ' AND industry_code = ?' : ''}`, params: s.industry ? [s.industry] : [] };
}
