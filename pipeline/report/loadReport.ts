// Reads everything a report shows from the analytics views, for one scope.
import type { DuckDBConnection } from '@duckdb/node-api';
import { JIANGSU_CITIES, MANUFACTURING_DIVISIONS, RULESET_VERSION, SCENARIOS, TIER_KEYS, type TierKey } from '../../core/index.ts';
import { int, num, readRows, str, type PlainRow } from '../analytics/readRows.ts';
import { areaWhere, industryWhere, scopeGrain, scopeWhere, type ScopeFilter } from '../analytics/scope.ts';
import { SfeError } from '../errors.ts';
import { loadBreakdowns } from './breakdowns.ts';
import type { GroupStats, ReportData, RosterCoverage, Scope } from './ReportData.ts';

/** YYYY-MM-DD HH:mm in the machine's local time (an agency's PC is on China time). */
export function localStamp(d: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** The page lists at most this many returns to correct (the full list is in the summary workbook). */
export const CORRECTIONS_SHOWN = 300;

const TIERS_AND_NONE = ['none', ...TIER_KEYS] as const;

function tierRecord(r: PlainRow, prefix: string): Record<TierKey | 'none', number> {
  return Object.fromEntries(TIERS_AND_NONE.map((t) => [t, int(r[`${prefix}_${t}`])])) as Record<TierKey | 'none', number>;
}

function groupStats(r: PlainRow, code: string, label: string): GroupStats {
  return {
    code,
    label,
    returns: int(r.returns),
    scored: int(r.scored),
    mean: num(r.composite_mean),
    median: num(r.composite_median),
    q1: num(r.composite_q1),
    q3: num(r.composite_q3),
    min: num(r.composite_min),
    max: num(r.composite_max),
    reference: tierRecord(r, 'ref'),
    suggested: tierRecord(r, 'sug'),
    basicPlus: int(r.ref_basic_plus),
    advancedPlus: int(r.ref_advanced_plus),
    basicPlusShare: num(r.share_basic_plus),
    upgrade13: int(r.upgrade_1_3),
  };
}

const EMPTY_STATS: GroupStats = {
  code: '', label: '', returns: 0, scored: 0, mean: null, median: null, q1: null, q3: null, min: null, max: null,
  reference: { none: 0, basic: 0, advanced: 0, excellent: 0, leading: 0 },
  suggested: { none: 0, basic: 0, advanced: 0, excellent: 0, leading: 0 },
  basicPlus: 0, advancedPlus: 0, basicPlusShare: null, upgrade13: 0,
};

/** Resolves --city / --industry against the official code lists (so a typo is an error, not an empty report). */
export function resolveScope(filter: ScopeFilter): Scope {
  let city: Scope['city'] = null;
  let industry: Scope['industry'] = null;
  if (filter.city) {
    const c = JIANGSU_CITIES.find((x) => x.code === filter.city || x.name === filter.city || x.name === `${filter.city}市`);
    if (!c) throw new SfeError('report/unknown-city', `设区市「${filter.city}」无法识别，请使用 4 位代码（如 3205）或名称（如 苏州市）。`);
    city = { code: c.code, name: c.name };
  }
  if (filter.industry) {
    const code = filter.industry.replace(/^C/i, '');
    const i = MANUFACTURING_DIVISIONS.find((x) => x.code === code);
    if (!i) throw new SfeError('report/unknown-industry', `行业「${filter.industry}」不是制造业大类代码（13–43）。`);
    industry = { code: i.code, name: i.name };
  }
  return { city, industry };
}

export function reportTitle(scope: Scope): string {
  const place = scope.city ? scope.city.name : '江苏省';
  const ind = scope.industry ? `${scope.industry.name}` : '';
  return `${place}${ind}智能工厂梯度建设自评价汇总分析报告`;
}

export async function loadReportData(conn: DuckDBConnection, scope: Scope, now: Date = new Date()): Promise<ReportData> {
  const f: ScopeFilter = { city: scope.city?.code ?? null, industry: scope.industry?.code ?? null };
  const sw = scopeWhere(f);

  const overallGrain = f.city && f.industry ? 'city_industry' : scopeGrain(f);
  const overallRow = (await readRows(conn,
    `SELECT * FROM region_stats WHERE grain = ? AND city_code IS NOT DISTINCT FROM ? AND industry_code IS NOT DISTINCT FROM ?`,
    [overallGrain, f.city, f.industry]))[0];
  const overall = overallRow ? groupStats(overallRow, '', '') : EMPTY_STATS;

  const aw = areaWhere(f);
  const areaRows = await readRows(conn, `SELECT * FROM region_stats WHERE ${aw.sql} ORDER BY city_code, county_code`, aw.params);
  const areas = areaRows.map((r) =>
    aw.kind === 'city'
      ? groupStats(r, str(r.city_code) ?? '', str(r.city_name) ?? '（未识别设区市）')
      : groupStats(r, str(r.county_code) ?? '', str(r.county_name) ?? '（未识别县区）'),
  );

  const iw = industryWhere(f);
  const industries = (await readRows(conn, `SELECT * FROM region_stats WHERE ${iw.sql} ORDER BY industry_code`, iw.params)).map((r) =>
    groupStats(r, str(r.industry_code) ?? '', r.industry_code === null ? '（未识别行业）' : `${str(r.industry_code)} ${str(r.industry_name) ?? ''}`),
  );

  const indicators = (await readRows(conn, `SELECT * FROM indicator_profile WHERE ${sw.sql} ORDER BY indicator_id`, sw.params)).map((r) => ({
    id: int(r.indicator_id),
    name: str(r.indicator_name) ?? '',
    answered: int(r.answered),
    na: int(r.na),
    naShare: num(r.na_share),
    levels: [1, 2, 3, 4, 5, 6].map((l) => int(r[`level_${l}`])),
    meanScore: num(r.score_mean),
  }));

  const scenarios = (await readRows(conn, `SELECT * FROM scenario_adoption WHERE ${sw.sql} ORDER BY scenario_id`, sw.params)).map((r) => ({
    id: int(r.scenario_id),
    name: str(r.scenario_name) ?? '',
    area: str(r.area) ?? '',
    stage: str(r.stage_name) ?? '',
    share: Object.fromEntries(TIER_KEYS.map((t) => [t, num(r[`share_${t}`])])) as Record<TierKey, number | null>,
    anyShare: num(r.share_any),
  }));

  const stageRows = await readRows(conn, `SELECT * FROM stage_adoption WHERE ${sw.sql} ORDER BY stage_order, tier_rank`, sw.params);
  const stageKeys = [...new Set(stageRows.map((r) => str(r.stage) ?? ''))];
  const stages = stageKeys.map((key) => {
    const mine = stageRows.filter((r) => r.stage === key);
    return {
      key,
      label: str(mine[0]?.stage_name) ?? key,
      share: Object.fromEntries(TIER_KEYS.map((t) => [t, num(mine.find((r) => r.tier === t)?.share)])) as Record<TierKey, number | null>,
    };
  });

  const adoptionRows = await readRows(conn, `SELECT * FROM area_adoption WHERE ${sw.sql} ORDER BY area, tier_rank`, sw.params);
  const areaOrder = [...new Set(SCENARIOS.map((x) => x.area))];
  const scenarioAreas = areaOrder.filter((a) => adoptionRows.some((r) => r.area === a)).map((a) => ({
    key: a,
    label: a,
    share: Object.fromEntries(TIER_KEYS.map((t) => [t, num(adoptionRows.find((r) => r.area === a && r.tier === t)?.share)])) as Record<TierKey, number | null>,
  }));

  const upgrade = (await readRows(conn, `SELECT * FROM upgrade_gap WHERE ${sw.sql} ORDER BY tier_rank`, sw.params)).map((r) => ({
    nextTier: str(r.next_tier) as TierKey,
    label: str(r.next_tier_label) ?? '',
    candidates: int(r.candidates),
    gap1: int(r.gap_1),
    gap2: int(r.gap_2),
    gap3: int(r.gap_3),
  }));

  const unmet = (await readRows(conn, `SELECT * FROM unmet_summary WHERE ${sw.sql} ORDER BY next_tier_label, enterprises DESC, condition`, sw.params))
    .map((r) => ({
      nextTier: str(r.next_tier) as TierKey,
      tierLabel: str(r.next_tier_label) ?? '',
      condition: str(r.condition) ?? '',
      label: str(r.condition_label) ?? '',
      enterprises: int(r.enterprises),
      share: num(r.share),
    }))
    .sort((a, b) => TIER_KEYS.indexOf(a.nextTier) - TIER_KEYS.indexOf(b.nextTier) || b.enterprises - a.enterprises || a.condition.localeCompare(b.condition));

  const rosterCount = int((await readRows(conn, 'SELECT count(*) AS n FROM roster'))[0]?.n);
  let roster: RosterCoverage[] = [];
  if (rosterCount > 0) {
    const toCoverage = (r: PlainRow, code: string, label: string): RosterCoverage => ({
      code, label,
      expected: int(r.expected), returned: int(r.returned), missing: int(r.missing), unexpected: int(r.unexpected), coverage: num(r.coverage),
    });
    const totalGrain = f.city && f.industry ? 'city_industry' : scopeGrain(f);
    const total = (await readRows(conn,
      'SELECT * FROM roster_coverage_by_area WHERE grain = ? AND city_code IS NOT DISTINCT FROM ? AND industry_code IS NOT DISTINCT FROM ?',
      [totalGrain, f.city, f.industry]))[0];
    const rows = await readRows(conn, `SELECT * FROM roster_coverage_by_area WHERE ${aw.sql} ORDER BY city_code, county_code`, aw.params);
    roster = [
      toCoverage(total ?? {}, '', '合计'),
      ...rows.map((r) => aw.kind === 'city'
        ? toCoverage(r, str(r.city_code) ?? '', str(r.city_name) ?? '（未识别设区市）')
        : toCoverage(r, str(r.county_code) ?? '', str(r.county_name) ?? '（未识别县区）')),
    ];
  }

  const quality = (await readRows(conn, `SELECT * FROM data_quality WHERE ${sw.sql} ORDER BY findings DESC, code`, sw.params)).map((r) => ({
    code: str(r.code) ?? '',
    label: str(r.label) ?? '',
    severity: str(r.severity) ?? '',
    findings: int(r.findings),
    enterprises: int(r.enterprises),
  }));

  const cond = [f.city ? 'city_code = ?' : null, f.industry ? 'industry_code = ?' : null].filter(Boolean).join(' AND ') || 'TRUE';
  const condParams = [f.city, f.industry].filter((x): x is string => x !== null);
  const correctionsTotal = int((await readRows(conn, `SELECT count(*) AS n FROM returns_with_errors WHERE ${cond}`, condParams))[0]?.n);
  const corrections = (await readRows(conn, `SELECT * FROM returns_with_errors WHERE ${cond} ORDER BY city_code, county_code, uscc LIMIT ${CORRECTIONS_SHOWN}`, condParams)).map((r) => ({
    uscc: str(r.uscc) ?? '',
    name: str(r.name) ?? '',
    area: [str(r.city_name), str(r.county_name)].filter(Boolean).join(' '),
    errors: int(r.errors),
    problems: str(r.problems) ?? '',
  }));

  return {
    title: reportTitle(scope),
    scope,
    generatedAt: localStamp(now),
    rulesetVersion: RULESET_VERSION,
    overall,
    areas,
    areaKind: aw.kind,
    industries,
    indicators,
    scenarios,
    stages,
    scenarioAreas,
    upgrade,
    unmet,
    roster,
    quality,
    corrections,
    correctionsTotal,
    breakdowns: await loadBreakdowns(conn, f),
  };
}
