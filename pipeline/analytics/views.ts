// The analytics views: every number of the report, the summary workbook and the feedback comes from here.
// They are (re)created on every read-write open of the database (pipeline/store/migrate.ts runs
// ANALYTICS_VIEW_DDL), so they follow the code the way the labels do, and are documented in docs/schema.md.
//
// Breakdowns are grouping sets with a `grain` column, so one view answers 全省, 设区市, 县(市、区), 行业 and
// their crossings, and a city's own report filters the same rows it would see in the province's.
import { INDICATORS, SCENARIOS, STAGE_LABELS, TIER_KEYS, TIER_LABELS } from '../../core/index.ts';

export interface AnalyticsView {
  readonly name: string;
  /** One line of Chinese for `sfe query --list`. */
  readonly description: string;
  readonly sql: string;
}

const q = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** Current returns with their results: the population every view counts. */
const BASE = `
  SELECT s.submission_id, s.uscc, s.name, s.city_code, s.city_name, s.county_code, s.county_name,
         s.industry_code, s.industry_name, s.maturity,
         r.composite, r.reference_tier, r.suggested_tier, r.next_tier
  FROM submissions s JOIN results r USING (submission_id)
  WHERE s.is_current`;

const CITY = 'city_code, city_name';
const COUNTY = 'county_code, county_name';
const INDUSTRY = 'industry_code, industry_name';

/** 全省, 市, 市+县, 行业, 市×行业, 市+县×行业. */
const REGION_SETS = `GROUPING SETS ((), (${CITY}), (${CITY}, ${COUNTY}), (${INDUSTRY}), (${CITY}, ${INDUSTRY}), (${CITY}, ${COUNTY}, ${INDUSTRY}))`;
/** 全省, 市, 行业, 市×行业: the scopes a report can be filtered to. */
const scopeSets = (extra: string): string =>
  `GROUPING SETS ((${extra}), (${extra}, ${CITY}), (${extra}, ${INDUSTRY}), (${extra}, ${CITY}, ${INDUSTRY}))`;

const GRAIN = `CASE
    WHEN grouping(county_code) = 0 AND grouping(industry_code) = 0 THEN 'county_industry'
    WHEN grouping(county_code) = 0 THEN 'county'
    WHEN grouping(city_code) = 0 AND grouping(industry_code) = 0 THEN 'city_industry'
    WHEN grouping(city_code) = 0 THEN 'city'
    WHEN grouping(industry_code) = 0 THEN 'industry'
    ELSE 'province' END`;
const SCOPE_GRAIN = `CASE
    WHEN grouping(city_code) = 0 AND grouping(industry_code) = 0 THEN 'city_industry'
    WHEN grouping(city_code) = 0 THEN 'city'
    WHEN grouping(industry_code) = 0 THEN 'industry'
    ELSE 'province' END`;

const tierCounts = (column: string, prefix: string): string =>
  [`count(*) FILTER (WHERE ${column} IS NULL)::INTEGER AS ${prefix}_none`, ...TIER_KEYS.map((t) => `count(*) FILTER (WHERE ${column} = ${q(t)})::INTEGER AS ${prefix}_${t}`)].join(',\n    ');

const TIER_RANK = `(VALUES ${TIER_KEYS.map((t, i) => `(${q(t)}, ${i + 1}, ${q(TIER_LABELS[t])})`).join(', ')}) AS tr(tier, tier_rank, tier_label)`;
const INDICATOR_NAMES = `(VALUES ${INDICATORS.map((i) => `(${i.id}, ${q(i.name)})`).join(', ')}) AS ind(indicator_id, indicator_name)`;
const SCENARIO_NAMES = `(VALUES ${SCENARIOS.map((s) => `(${s.id}, ${q(s.name)}, ${q(s.area)})`).join(', ')}) AS sc(scenario_id, scenario_name, scenario_area)`;
const STAGE_NAMES = `(VALUES ${Object.entries(STAGE_LABELS).map(([k, v], i) => `(${q(k)}, ${q(v)}, ${i + 1})`).join(', ')}) AS st(stage, stage_name, stage_order)`;

const regionStats = `CREATE OR REPLACE VIEW region_stats AS
  WITH base AS (${BASE}),
  gap AS (SELECT submission_id, scenarios_to_next_tier FROM enterprise_position)
  SELECT ${GRAIN} AS grain,
    city_code, city_name, county_code, county_name, industry_code, industry_name,
    count(*)::INTEGER AS returns,
    count(composite)::INTEGER AS scored,
    avg(composite)::DOUBLE AS composite_mean,
    quantile_cont(composite, 0.5)::DOUBLE AS composite_median,
    quantile_cont(composite, 0.25)::DOUBLE AS composite_q1,
    quantile_cont(composite, 0.75)::DOUBLE AS composite_q3,
    min(composite)::DOUBLE AS composite_min,
    max(composite)::DOUBLE AS composite_max,
    ${tierCounts('reference_tier', 'ref')},
    ${tierCounts('suggested_tier', 'sug')},
    count(reference_tier)::INTEGER AS ref_basic_plus,
    count(*) FILTER (WHERE reference_tier IN ('advanced', 'excellent', 'leading'))::INTEGER AS ref_advanced_plus,
    (count(reference_tier) / count(*))::DOUBLE AS share_basic_plus,
    count(*) FILTER (WHERE scenarios_to_next_tier BETWEEN 1 AND 3)::INTEGER AS upgrade_1_3
  FROM base LEFT JOIN gap USING (submission_id)
  GROUP BY ${REGION_SETS}`;

const statsBy = (name: string, grain: string, keys: string): string => `CREATE OR REPLACE VIEW ${name} AS
  SELECT ${keys}, * EXCLUDE (grain, city_code, city_name, county_code, county_name, industry_code, industry_name)
  FROM region_stats WHERE grain = ${q(grain)}
  ORDER BY ${keys.split(',').filter((k) => k.trim().endsWith('_code')).join(', ')}`;

const indicatorProfile = `CREATE OR REPLACE VIEW indicator_profile AS
  WITH base AS (${BASE})
  SELECT ${SCOPE_GRAIN} AS grain, city_code, city_name, industry_code, industry_name,
    indicator_id, any_value(indicator_name) AS indicator_name,
    count(*)::INTEGER AS returns,
    count(*) FILTER (WHERE ia.level IS NOT NULL OR ia.is_na)::INTEGER AS answered,
    count(*) FILTER (WHERE ia.is_na)::INTEGER AS na,
    (count(*) FILTER (WHERE ia.is_na) / nullif(count(*) FILTER (WHERE ia.level IS NOT NULL OR ia.is_na), 0))::DOUBLE AS na_share,
    ${[1, 2, 3, 4, 5, 6].map((l) => `count(*) FILTER (WHERE ia.level = ${l})::INTEGER AS level_${l}`).join(',\n    ')},
    count(*) FILTER (WHERE ia.valid AND NOT ia.is_na AND ia.score IS NOT NULL)::INTEGER AS scored,
    avg(ia.score) FILTER (WHERE ia.valid AND NOT ia.is_na)::DOUBLE AS score_mean,
    avg(ia.level) FILTER (WHERE ia.level IS NOT NULL)::DOUBLE AS level_mean
  FROM base JOIN indicator_answers ia USING (submission_id) JOIN ${INDICATOR_NAMES} USING (indicator_id)
  WHERE indicator_id <> 7
  GROUP BY ${scopeSets('indicator_id')}`;

const scenarioAdoption = `CREATE OR REPLACE VIEW scenario_adoption AS
  WITH base AS (${BASE})
  SELECT ${SCOPE_GRAIN} AS grain, city_code, city_name, industry_code, industry_name,
    scenario_id, any_value(scenario_name) AS scenario_name, any_value(scenario_area) AS area,
    any_value(st.stage_name) AS stage_name,
    count(*)::INTEGER AS returns,
    ${TIER_KEYS.map((t) => `count(*) FILTER (WHERE sa.counted_tier = ${q(t)})::INTEGER AS rated_${t}`).join(',\n    ')},
    count(*) FILTER (WHERE sa.counted_tier IS NOT NULL)::INTEGER AS rated_any,
    ${TIER_KEYS.map((t) => `(count(*) FILTER (WHERE sa.counted_tier = ${q(t)}) / count(*))::DOUBLE AS share_${t}`).join(',\n    ')},
    (count(*) FILTER (WHERE sa.counted_tier IS NOT NULL) / count(*))::DOUBLE AS share_any
  FROM base CROSS JOIN ${SCENARIO_NAMES}
  LEFT JOIN scenario_answers sa USING (submission_id, scenario_id)
  LEFT JOIN ${STAGE_NAMES} ON st.stage = sa.stage
  GROUP BY ${scopeSets('scenario_id')}`;

const stageAdoption = `CREATE OR REPLACE VIEW stage_adoption AS
  WITH base AS (${BASE}),
  covered AS (
    SELECT b.*, st.stage, st.stage_name, st.stage_order, tr.tier, tr.tier_rank, tr.tier_label,
           coalesce(rs.scenarios, 0) AS scenarios
    FROM base b CROSS JOIN ${STAGE_NAMES} CROSS JOIN ${TIER_RANK}
    LEFT JOIN result_stage_counts rs ON rs.submission_id = b.submission_id AND rs.stage = st.stage AND rs.tier = tr.tier)
  SELECT ${SCOPE_GRAIN} AS grain, city_code, city_name, industry_code, industry_name,
    stage, any_value(stage_name) AS stage_name, any_value(stage_order) AS stage_order,
    tier, any_value(tier_label) AS tier_label, any_value(tier_rank) AS tier_rank,
    count(*)::INTEGER AS returns,
    count(*) FILTER (WHERE scenarios > 0)::INTEGER AS covering,
    (count(*) FILTER (WHERE scenarios > 0) / count(*))::DOUBLE AS share,
    avg(scenarios)::DOUBLE AS scenarios_mean
  FROM covered
  GROUP BY ${scopeSets('stage, tier')}`;

const areaAdoption = `CREATE OR REPLACE VIEW area_adoption AS
  WITH base AS (${BASE}),
  per_area AS (
    SELECT b.submission_id, sa.area, max(tr.tier_rank) AS best_rank
    FROM base b JOIN scenario_answers sa USING (submission_id)
    LEFT JOIN ${TIER_RANK} ON tr.tier = sa.counted_tier
    GROUP BY b.submission_id, sa.area),
  grid AS (
    SELECT b.*, a.area, tr.tier, tr.tier_rank, tr.tier_label, coalesce(p.best_rank, 0) >= tr.tier_rank AS covered
    FROM base b
    CROSS JOIN (SELECT DISTINCT scenario_area AS area FROM ${SCENARIO_NAMES}) a
    CROSS JOIN ${TIER_RANK}
    LEFT JOIN per_area p ON p.submission_id = b.submission_id AND p.area = a.area)
  SELECT ${SCOPE_GRAIN} AS grain, city_code, city_name, industry_code, industry_name,
    area, tier, any_value(tier_label) AS tier_label, any_value(tier_rank) AS tier_rank,
    count(*)::INTEGER AS returns,
    count(*) FILTER (WHERE covered)::INTEGER AS covering,
    (count(*) FILTER (WHERE covered) / count(*))::DOUBLE AS share
  FROM grid
  GROUP BY ${scopeSets('area, tier')}`;

/** One row per (enterprise, unmet condition of its next tier), stages and declarations split out. */
const unmetDetail = `CREATE OR REPLACE VIEW unmet_detail AS
  WITH base AS (${BASE}),
  u AS (SELECT b.*, uc.seq, uc.tier AS unmet_tier, uc.code, uc.blocking, uc.params::JSON AS p
        FROM base b JOIN unmet_conditions uc USING (submission_id))
  SELECT submission_id, uscc, city_code, city_name, industry_code, industry_name, next_tier, code, blocking,
    code || ':' || (p->>'declaration') AS condition,
    coalesce(l.label_zh, code) || '：' || (p->>'label') AS condition_label
  FROM u LEFT JOIN (SELECT code AS label_code, label_zh FROM labels WHERE kind = 'unmet') l ON l.label_code = u.code
  WHERE code = 'unmet/declaration'
  UNION ALL
  SELECT submission_id, uscc, city_code, city_name, industry_code, industry_name, next_tier, code, blocking,
    code || ':' || stage_key AS condition,
    '未覆盖环节：' || coalesce(st.stage_name, stage_key) AS condition_label
  FROM (SELECT *, unnest(from_json(p->'stageKeys', '["VARCHAR"]')) AS stage_key FROM u WHERE code = 'unmet/stages') x
  LEFT JOIN ${STAGE_NAMES} ON st.stage = x.stage_key
  UNION ALL
  SELECT submission_id, uscc, city_code, city_name, industry_code, industry_name, next_tier, code, blocking,
    code AS condition,
    coalesce(l.label_zh, code) || CASE WHEN blocking THEN '' ELSE '（建议，不影响等级）' END AS condition_label
  FROM u LEFT JOIN (SELECT code AS label_code, label_zh FROM labels WHERE kind = 'unmet') l ON l.label_code = u.code
  WHERE code NOT IN ('unmet/declaration', 'unmet/stages')`;

const unmetSummary = `CREATE OR REPLACE VIEW unmet_summary AS
  WITH base AS (${BASE}),
  candidates AS (
    SELECT ${SCOPE_GRAIN} AS grain, city_code, industry_code, next_tier, count(*)::INTEGER AS candidates
    FROM base WHERE next_tier IS NOT NULL GROUP BY ${scopeSets('next_tier')}),
  counted AS (
    SELECT ${SCOPE_GRAIN} AS grain, city_code, city_name, industry_code, industry_name, next_tier, condition,
      any_value(condition_label) AS condition_label, bool_and(blocking) AS blocking,
      count(DISTINCT submission_id)::INTEGER AS enterprises
    FROM unmet_detail GROUP BY ${scopeSets('next_tier, condition')})
  SELECT c.grain, c.city_code, c.city_name, c.industry_code, c.industry_name, c.next_tier, tr.tier_label AS next_tier_label,
    c.condition, c.condition_label, c.blocking, c.enterprises, k.candidates,
    (c.enterprises / k.candidates)::DOUBLE AS share
  FROM counted c
  JOIN candidates k ON k.grain = c.grain AND k.next_tier = c.next_tier
    AND k.city_code IS NOT DISTINCT FROM c.city_code AND k.industry_code IS NOT DISTINCT FROM c.industry_code
  LEFT JOIN ${TIER_RANK} ON tr.tier = c.next_tier`;

/**
 * Per current return: its position among the peers of its city and of its industry, and how many more
 * scenarios would take it to the next tier when scenarios (and the stages they cover) are all it lacks.
 */
const enterprisePosition = `CREATE OR REPLACE VIEW enterprise_position AS
  WITH base AS (${BASE}),
  gaps AS (
    SELECT submission_id,
      bool_and(code IN ('unmet/scenarios', 'unmet/stages')) FILTER (WHERE blocking) AS only_scenarios,
      coalesce(max((params::JSON->>'missing')::INTEGER) FILTER (WHERE code = 'unmet/scenarios' AND blocking), 0) AS missing,
      coalesce(max(json_array_length(params::JSON->'stageKeys')) FILTER (WHERE code = 'unmet/stages' AND blocking), 0) AS uncovered
    FROM unmet_conditions GROUP BY submission_id),
  scored AS (
    SELECT submission_id,
      count(*) OVER (PARTITION BY city_code)::INTEGER AS city_peers,
      (100 * percent_rank() OVER (PARTITION BY city_code ORDER BY composite))::DOUBLE AS city_percentile,
      count(*) OVER (PARTITION BY industry_code)::INTEGER AS industry_peers,
      (100 * percent_rank() OVER (PARTITION BY industry_code ORDER BY composite))::DOUBLE AS industry_percentile,
      count(*) OVER ()::INTEGER AS province_peers,
      (100 * percent_rank() OVER (ORDER BY composite))::DOUBLE AS province_percentile
    FROM base WHERE composite IS NOT NULL)
  SELECT b.submission_id, b.uscc, b.name, b.city_code, b.city_name, b.county_code, b.county_name,
    b.industry_code, b.industry_name, b.composite, b.reference_tier, b.suggested_tier, b.next_tier,
    s.city_peers, s.city_percentile, s.industry_peers, s.industry_percentile, s.province_peers, s.province_percentile,
    CASE WHEN b.next_tier IS NOT NULL AND g.only_scenarios THEN greatest(g.missing, g.uncovered)::INTEGER END AS scenarios_to_next_tier
  FROM base b LEFT JOIN scored s USING (submission_id) LEFT JOIN gaps g USING (submission_id)`;

const upgradeGap = `CREATE OR REPLACE VIEW upgrade_gap AS
  SELECT ${SCOPE_GRAIN} AS grain, city_code, city_name, industry_code, industry_name,
    next_tier, any_value(tr.tier_label) AS next_tier_label, any_value(tr.tier_rank) AS tier_rank,
    count(*)::INTEGER AS candidates,
    count(*) FILTER (WHERE scenarios_to_next_tier = 1)::INTEGER AS gap_1,
    count(*) FILTER (WHERE scenarios_to_next_tier = 2)::INTEGER AS gap_2,
    count(*) FILTER (WHERE scenarios_to_next_tier = 3)::INTEGER AS gap_3,
    count(*) FILTER (WHERE scenarios_to_next_tier BETWEEN 1 AND 3)::INTEGER AS gap_1_3
  FROM enterprise_position JOIN ${TIER_RANK} ON tr.tier = next_tier
  GROUP BY ${scopeSets('next_tier')}`;

const rosterByArea = `CREATE OR REPLACE VIEW roster_coverage_by_area AS
  WITH x AS (
    SELECT coalesce(r.city_code, c.city_code) AS city_code, coalesce(r.city_name, c.city_name) AS city_name,
           coalesce(r.county_code, c.county_code) AS county_code, coalesce(r.county_name, c.county_name) AS county_name,
           coalesce(r.industry_code, c.industry_code) AS industry_code,
           coalesce(c.industry_name, ind.industry_name) AS industry_name,
           r.uscc IS NOT NULL AS expected, c.uscc IS NOT NULL AS returned
    FROM roster r
    FULL OUTER JOIN (SELECT * FROM submissions WHERE is_current) c ON c.uscc = r.uscc
    LEFT JOIN (SELECT industry_code, any_value(industry_name) AS industry_name FROM submissions GROUP BY industry_code) ind
      ON ind.industry_code = r.industry_code)
  SELECT ${GRAIN} AS grain, city_code, city_name, county_code, county_name, industry_code, industry_name,
    count(*) FILTER (WHERE expected)::INTEGER AS expected,
    count(*) FILTER (WHERE expected AND returned)::INTEGER AS returned,
    count(*) FILTER (WHERE expected AND NOT returned)::INTEGER AS missing,
    count(*) FILTER (WHERE returned AND NOT expected)::INTEGER AS unexpected,
    (count(*) FILTER (WHERE expected AND returned) / nullif(count(*) FILTER (WHERE expected), 0))::DOUBLE AS coverage
  FROM x
  GROUP BY ${REGION_SETS}`;

const dataQuality = `CREATE OR REPLACE VIEW data_quality AS
  WITH base AS (${BASE})
  SELECT ${SCOPE_GRAIN} AS grain, city_code, city_name, industry_code, industry_name,
    f.code, f.severity, any_value(coalesce(l.label_zh, f.code)) AS label,
    count(*)::INTEGER AS findings,
    count(DISTINCT f.submission_id)::INTEGER AS enterprises
  FROM base JOIN findings f USING (submission_id)
  LEFT JOIN labels l ON l.kind = 'finding' AND l.code = f.code
  GROUP BY ${scopeSets('f.code, f.severity')}`;

const returnsWithErrors = `CREATE OR REPLACE VIEW returns_with_errors AS
  WITH base AS (${BASE})
  SELECT b.uscc, b.name, b.city_code, b.city_name, b.county_code, b.county_name, b.industry_code, b.industry_name,
    count(*)::INTEGER AS errors,
    string_agg(DISTINCT coalesce(l.label_zh, f.code), '；' ORDER BY coalesce(l.label_zh, f.code)) AS problems,
    any_value(fl.path) AS path
  FROM base b JOIN findings f USING (submission_id)
  JOIN submissions s USING (submission_id) JOIN files fl ON fl.file_id = s.file_id
  LEFT JOIN labels l ON l.kind = 'finding' AND l.code = f.code
  WHERE f.severity = 'error'
  GROUP BY b.uscc, b.name, b.city_code, b.city_name, b.county_code, b.county_name, b.industry_code, b.industry_name`;

const fileOutcomes = `CREATE OR REPLACE VIEW file_outcomes AS
  SELECT f.outcome, any_value(lo.label_zh) AS outcome_label, f.reason_code, any_value(lr.label_zh) AS reason_label,
    count(*)::INTEGER AS files
  FROM files f
  LEFT JOIN labels lo ON lo.kind = 'outcome' AND lo.code = f.outcome
  LEFT JOIN labels lr ON lr.kind = 'reason' AND lr.code = f.reason_code
  GROUP BY f.outcome, f.reason_code`;

// In creation order: a view must come after the views it reads.
export const ANALYTICS_VIEWS: readonly AnalyticsView[] = [
  { name: 'enterprise_position', description: '每家企业在本市、本行业中的百分位，以及距下一等级还差几个场景', sql: enterprisePosition },
  { name: 'region_stats', description: '回收份数、综合得分（均值/中位数/四分位）与参考、建议等级分布；grain 区分全省/市/县/行业及交叉', sql: regionStats },
  { name: 'stats_by_city', description: '按设区市汇总（region_stats 的市级行）', sql: statsBy('stats_by_city', 'city', `${CITY}`) },
  { name: 'stats_by_county', description: '按县（市、区）汇总', sql: statsBy('stats_by_county', 'county', `${CITY}, ${COUNTY}`) },
  { name: 'stats_by_industry', description: '按国民经济行业大类汇总', sql: statsBy('stats_by_industry', 'industry', `${INDUSTRY}`) },
  { name: 'stats_by_city_industry', description: '设区市 × 行业交叉汇总', sql: statsBy('stats_by_city_industry', 'city_industry', `${CITY}, ${INDUSTRY}`) },
  { name: 'indicator_profile', description: '各指标的等级分布、平均分与「不涉及此环节」占比（全省/市/行业）', sql: indicatorProfile },
  { name: 'scenario_adoption', description: '各典型场景自评为每一等级的企业数与占比', sql: scenarioAdoption },
  { name: 'stage_adoption', description: '各环节在每一等级及以上有场景覆盖的企业占比', sql: stageAdoption },
  { name: 'area_adoption', description: '各场景类别（D4 的 15 类）在每一等级及以上有场景的企业占比', sql: areaAdoption },
  { name: 'unmet_detail', description: '每家企业距下一等级的每一项未满足条件（环节、基础要求逐项拆开）', sql: unmetDetail },
  { name: 'unmet_summary', description: '各下一等级最常见的未满足条件及其企业数、占比', sql: unmetSummary },
  { name: 'upgrade_gap', description: '「差 1–3 个场景即可升级」的企业数（按下一等级）', sql: upgradeGap },
  { name: 'roster_coverage_by_area', description: '名单覆盖：应报、已回收、未回收、名单外回收（按市、县、行业）', sql: rosterByArea },
  { name: 'data_quality', description: '当前答卷的数据质量问题，按问题代码与设区市/行业汇总', sql: dataQuality },
  { name: 'returns_with_errors', description: '有错误、需退回企业更正的当前答卷（企业、地区、错误数与问题）', sql: returnsWithErrors },
  { name: 'file_outcomes', description: '所有文件的入库结果与拒收原因统计', sql: fileOutcomes },
];

/** Run after the schema's migrations (views follow the code, like the labels). */
export const ANALYTICS_VIEW_DDL: readonly string[] = ANALYTICS_VIEWS.map((v) => v.sql);

/** Descriptions of the ingest schema's own views, for `sfe query --list`. */
export const SCHEMA_VIEW_DESCRIPTIONS: Readonly<Record<string, string>> = {
  current_results: '每家企业当前有效答卷的结果（一企一行）',
  findings_by_code: '全部文件的问题按代码统计',
  roster_coverage: '名单中每家企业的回收状态（已回收/未回收/名单外）',
};
