// The summary workbook's sheets (and the report's tables): which view, which rows of it for a scope, which
// columns with which Chinese headers. Data, not logic: add a breakdown by adding an entry.
import type { DuckDBConnection } from '@duckdb/node-api';
import { readRows } from '../analytics/readRows.ts';
import { industryWhere, scopeWhere, type ScopeFilter, type Where } from '../analytics/scope.ts';
import type { Breakdown, Column } from './ReportData.ts';

interface BreakdownDef {
  readonly id: string;
  readonly sheet: string;
  readonly title: string;
  readonly view: string;
  readonly columns: readonly Column[];
  readonly where: (s: ScopeFilter) => Where | null;
  readonly orderBy: string;
}

const c = (key: string, header: string, kind: Column['kind'] = 'int'): Column => ({ key, header, kind });

const STATS: readonly Column[] = [
  c('returns', '回收份数'),
  c('scored', '可计分份数'),
  c('composite_mean', '综合得分均值', 'num'),
  c('composite_median', '综合得分中位数', 'num'),
  c('composite_q1', '下四分位', 'num'),
  c('composite_q3', '上四分位', 'num'),
  c('composite_min', '最低分', 'num'),
  c('composite_max', '最高分', 'num'),
  c('ref_none', '参考等级：未达到'),
  c('ref_basic', '参考等级：基础级'),
  c('ref_advanced', '参考等级：先进级'),
  c('ref_excellent', '参考等级：卓越级'),
  c('ref_leading', '参考等级：领航级'),
  c('sug_none', '建议自评：未开启'),
  c('sug_basic', '建议自评：基础级'),
  c('sug_advanced', '建议自评：先进级'),
  c('sug_excellent', '建议自评：卓越级'),
  c('sug_leading', '建议自评：领航级'),
  c('ref_basic_plus', '基础级及以上'),
  c('ref_advanced_plus', '先进级及以上'),
  c('share_basic_plus', '基础级及以上占比', 'pct'),
  c('upgrade_1_3', '差1–3个场景可升级'),
];

const CITY_COLS = [c('city_code', '设区市代码', 'text'), c('city_name', '设区市', 'text')];
const COUNTY_COLS = [c('county_code', '县（市、区）代码', 'text'), c('county_name', '县（市、区）', 'text')];
const INDUSTRY_COLS = [c('industry_code', '行业代码', 'text'), c('industry_name', '行业', 'text')];

const both = (s: ScopeFilter, extra: string[] = []): Where => {
  const parts = [...extra];
  const params: (string | null)[] = [];
  if (s.city) { parts.push('city_code = ?'); params.push(s.city); }
  if (s.industry) { parts.push('industry_code = ?'); params.push(s.industry); }
  return { sql: parts.join(' AND ') || 'TRUE', params };
};

export const BREAKDOWNS: readonly BreakdownDef[] = [
  {
    id: 'city', sheet: '按设区市', title: '按设区市汇总', view: 'region_stats', columns: [...CITY_COLS, ...STATS],
    where: (s) => both(s, [`grain = '${s.industry ? 'city_industry' : 'city'}'`]), orderBy: 'city_code',
  },
  {
    id: 'county', sheet: '按县（市、区）', title: '按县（市、区）汇总', view: 'region_stats', columns: [...CITY_COLS, ...COUNTY_COLS, ...STATS],
    where: (s) => both(s, [`grain = '${s.industry ? 'county_industry' : 'county'}'`]), orderBy: 'city_code, county_code',
  },
  {
    id: 'industry', sheet: '按行业', title: '按行业大类汇总', view: 'region_stats', columns: [...INDUSTRY_COLS, ...STATS],
    where: (s) => industryWhere(s), orderBy: 'industry_code',
  },
  {
    id: 'city_industry', sheet: '设区市×行业', title: '设区市 × 行业交叉汇总', view: 'region_stats', columns: [...CITY_COLS, ...INDUSTRY_COLS, ...STATS],
    where: (s) => both(s, [`grain = 'city_industry'`]), orderBy: 'city_code, industry_code',
  },
  {
    id: 'indicators', sheet: '指标画像', title: '数字化转型指标画像', view: 'indicator_profile',
    columns: [
      c('indicator_id', '指标编号'), c('indicator_name', '指标', 'text'), c('returns', '回收份数'), c('answered', '已填等级'),
      c('level_1', '1级'), c('level_2', '2级'), c('level_3', '3级'), c('level_4', '4级'), c('level_5', '5级'), c('level_6', '6级'),
      c('na', '不涉及此环节'), c('na_share', '不涉及占比', 'pct'), c('scored', '有效分数'), c('score_mean', '平均分', 'num'), c('level_mean', '平均等级', 'num'),
    ],
    where: scopeWhere, orderBy: 'indicator_id',
  },
  {
    id: 'scenarios', sheet: '场景建设', title: '典型场景自评等级分布', view: 'scenario_adoption',
    columns: [
      c('scenario_id', '场景编号'), c('scenario_name', '场景', 'text'), c('area', '类别', 'text'), c('stage_name', '环节', 'text'), c('returns', '回收份数'),
      c('rated_basic', '基础级'), c('rated_advanced', '先进级'), c('rated_excellent', '卓越级'), c('rated_leading', '领航级'), c('rated_any', '任一等级'),
      c('share_basic', '基础级占比', 'pct'), c('share_advanced', '先进级占比', 'pct'), c('share_excellent', '卓越级占比', 'pct'), c('share_leading', '领航级占比', 'pct'), c('share_any', '任一等级占比', 'pct'),
    ],
    where: scopeWhere, orderBy: 'scenario_id',
  },
  {
    id: 'stages', sheet: '环节覆盖', title: '各环节在各等级及以上的覆盖', view: 'stage_adoption',
    columns: [c('stage_name', '环节', 'text'), c('tier_label', '等级（及以上）', 'text'), c('returns', '回收份数'), c('covering', '有场景覆盖的企业'), c('share', '覆盖占比', 'pct'), c('scenarios_mean', '平均场景数', 'num')],
    where: scopeWhere, orderBy: 'stage_order, tier_rank',
  },
  {
    id: 'areas', sheet: '场景类别', title: '各场景类别在各等级及以上的覆盖', view: 'area_adoption',
    columns: [c('area', '场景类别', 'text'), c('tier_label', '等级（及以上）', 'text'), c('returns', '回收份数'), c('covering', '有场景的企业'), c('share', '占比', 'pct')],
    where: scopeWhere, orderBy: 'area, tier_rank',
  },
  {
    id: 'upgrade', sheet: '差1-3个场景', title: '差 1–3 个场景即可升级', view: 'upgrade_gap',
    columns: [c('next_tier_label', '可升至', 'text'), c('candidates', '待升级企业'), c('gap_1', '差1个场景'), c('gap_2', '差2个场景'), c('gap_3', '差3个场景'), c('gap_1_3', '差1–3个场景合计')],
    where: scopeWhere, orderBy: 'tier_rank',
  },
  {
    id: 'unmet', sheet: '未满足条件', title: '下一等级的未满足条件', view: 'unmet_summary',
    columns: [c('next_tier_label', '下一等级', 'text'), c('condition', '条件代码', 'text'), c('condition_label', '未满足条件', 'text'), c('enterprises', '企业数'), c('candidates', '该等级待升级企业'), c('share', '占比', 'pct')],
    where: scopeWhere, orderBy: 'next_tier, enterprises DESC, condition',
  },
  {
    id: 'roster', sheet: '名单覆盖', title: '名单覆盖（按县（市、区））', view: 'roster_coverage_by_area',
    columns: [...CITY_COLS, ...COUNTY_COLS, c('expected', '名单应报'), c('returned', '已回收'), c('missing', '未回收'), c('unexpected', '名单外回收'), c('coverage', '覆盖率', 'pct')],
    where: (s) => both(s, [`grain = '${s.industry ? 'county_industry' : 'county'}'`]), orderBy: 'city_code, county_code',
  },
  {
    id: 'quality', sheet: '数据质量', title: '数据质量问题（按代码）', view: 'data_quality',
    columns: [c('code', '问题代码', 'text'), c('label', '说明', 'text'), c('severity', '级别', 'text'), c('findings', '问题数'), c('enterprises', '涉及企业')],
    where: scopeWhere, orderBy: 'findings DESC, code',
  },
  {
    id: 'quality_city', sheet: '数据质量（按市）', title: '数据质量问题（按设区市与代码）', view: 'data_quality',
    columns: [...CITY_COLS, c('code', '问题代码', 'text'), c('label', '说明', 'text'), c('severity', '级别', 'text'), c('findings', '问题数'), c('enterprises', '涉及企业')],
    where: (s) => both(s, [`grain = '${s.industry ? 'city_industry' : 'city'}'`]), orderBy: 'city_code, findings DESC, code',
  },
  {
    id: 'corrections', sheet: '需退回更正', title: '有错误、需退回企业更正的答卷', view: 'returns_with_errors',
    columns: [c('uscc', '统一社会信用代码', 'text'), c('name', '企业名称', 'text'), c('city_name', '设区市', 'text'), c('county_name', '县（市、区）', 'text'), c('industry_name', '行业', 'text'), c('errors', '错误数'), c('problems', '问题', 'text'), c('path', '文件', 'text')],
    where: (s) => both(s), orderBy: 'city_code, county_code, uscc',
  },
  {
    id: 'files', sheet: '文件入库结果', title: '文件入库结果', view: 'file_outcomes',
    columns: [c('outcome', '结果代码', 'text'), c('outcome_label', '结果', 'text'), c('reason_code', '拒收原因代码', 'text'), c('reason_label', '拒收原因', 'text'), c('files', '文件数')],
    // Files are not tied to a city or industry until they are read: shown in the province's report only.
    where: (s) => (s.city || s.industry ? null : { sql: 'TRUE', params: [] }), orderBy: 'files DESC',
  },
];

/** The SQL a breakdown runs: analysts can paste it into `sfe query`. */
export function breakdownSql(def: BreakdownDef, where: Where): string {
  return `SELECT ${def.columns.map((col) => col.key).join(', ')} FROM ${def.view} WHERE ${where.sql} ORDER BY ${def.orderBy}`;
}

export async function loadBreakdowns(conn: DuckDBConnection, scope: ScopeFilter): Promise<Breakdown[]> {
  const out: Breakdown[] = [];
  for (const def of BREAKDOWNS) {
    const where = def.where(scope);
    if (!where) continue;
    const rows = await readRows(conn, breakdownSql(def, where), where.params);
    const clean = rows.map((r) => Object.fromEntries(def.columns.map((col) => {
      const v = r[col.key];
      return [col.key, typeof v === 'boolean' ? String(v) : (v ?? null)];
    })));
    out.push({ id: def.id, sheet: def.sheet, title: def.title, view: def.view, columns: def.columns, rows: clean });
  }
  return out;
}
