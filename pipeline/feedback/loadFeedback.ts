// What one enterprise's feedback shows, read from the database: its own validated answers, results,
// findings and unmet conditions, and its position among peers as percentiles and group statistics only —
// never another enterprise's name or answers.
import type { DuckDBConnection } from '@duckdb/node-api';
import { INDICATORS, MATURITY_SHORT, SCENARIOS, STAGE_KEYS, STAGE_LABELS, TIER_CONDITIONS, TIER_LABELS, type MaturityLevel, type TierKey } from '../../core/index.ts';
import { int, num, readRows, str, type PlainRow } from '../analytics/readRows.ts';

export interface FeedbackIndicator {
  readonly id: number;
  readonly name: string;
  readonly level: string;
  readonly score: number | null;
  readonly fit: string | null;
  readonly valid: boolean;
}

export interface FeedbackCondition {
  readonly label: string;
  /** The enterprise's current value, e.g. 「12 个」. */
  readonly current: string;
  readonly required: string;
  readonly met: boolean;
  /** Advisory only (does not lower the tier). */
  readonly advisory: boolean;
  /** The unmet condition's message with its distance, from the core (stored at ingest). */
  readonly distance: string | null;
}

export interface FeedbackFinding {
  readonly severity: string;
  readonly cell: string;
  readonly code: string;
  readonly message: string;
}

export interface PeerPosition {
  readonly group: string;
  readonly peers: number | null;
  readonly percentile: number | null;
  readonly median: number | null;
  readonly mean: number | null;
}

export interface Feedback {
  readonly submissionId: number;
  readonly uscc: string;
  readonly name: string;
  readonly region: string;
  readonly industry: string;
  readonly fillDate: string | null;
  readonly file: string;
  readonly composite: number | null;
  readonly suggestedTier: TierKey | null;
  readonly referenceTier: TierKey | null;
  readonly nextTier: TierKey | null;
  readonly maturity: MaturityLevel | null;
  readonly scenarioCounts: Readonly<Record<TierKey, number>>;
  readonly indicators: readonly FeedbackIndicator[];
  readonly scenarios: readonly { readonly id: number; readonly name: string; readonly tier: string; readonly counted: boolean }[];
  readonly conditions: readonly FeedbackCondition[];
  readonly findings: readonly FeedbackFinding[];
  readonly peers: readonly PeerPosition[];
}

const FIT_ZH: Readonly<Record<string, string>> = { basic: '基本符合', good: '比较符合', full: '非常符合' };
const tierZh = (t: string | null): string => (t && t in TIER_LABELS ? TIER_LABELS[t as TierKey] : '—');

/** The current submissions to give feedback on (one, by 统一社会信用代码, or all). */
export async function feedbackTargets(conn: DuckDBConnection, uscc: string | null): Promise<{ submissionId: number; uscc: string; name: string }[]> {
  const rows = await readRows(conn,
    `SELECT submission_id, uscc, name FROM submissions WHERE is_current ${uscc ? 'AND uscc = ?' : ''} ORDER BY city_code, county_code, uscc`,
    uscc ? [uscc] : []);
  return rows.map((r) => ({ submissionId: int(r.submission_id), uscc: str(r.uscc) ?? '', name: str(r.name) ?? '' }));
}

function conditionsOf(next: TierKey, s: PlainRow, r: PlainRow, stageCounts: PlainRow[], unmet: PlainRow[]): FeedbackCondition[] {
  const cond = TIER_CONDITIONS.find((c) => c.tier === next);
  if (!cond) return [];
  const unmetOf = (code: string): PlainRow[] => unmet.filter((u) => u.tier === next && u.code === code);
  const message = (rows: PlainRow[]): string | null => (rows.length ? rows.map((u) => str(u.message)).join('') : null);
  const composite = num(r.composite);
  const count = int(r[`count_${next}`]);
  const covered = STAGE_KEYS.filter((k) => stageCounts.some((x) => x.tier === next && x.stage === k && int(x.scenarios) > 0));
  const maturity = num(s.maturity);
  const declUnmet = unmetOf('unmet/declaration');
  const out: FeedbackCondition[] = [
    {
      label: '基础要求（1）–（4）：规模、合规经营、安全可控、组织与人才',
      current: declUnmet.length ? `${4 - declUnmet.length} 项已确认` : '均已确认',
      required: '4 项均确认为「是」',
      met: declUnmet.length === 0, advisory: false, distance: message(declUnmet),
    },
    {
      label: '基础要求（5）：数字化转型自评价综合得分',
      current: composite === null ? '暂无法计算' : `${composite.toFixed(2)} 分`,
      required: '高于 60 分',
      met: unmetOf('unmet/composite').length === 0, advisory: false, distance: message(unmetOf('unmet/composite')),
    },
    {
      label: `建设场景数（${cond.label}及以上）`,
      current: `${count} 个`, required: `不少于 ${cond.minScenarios} 个`,
      met: unmetOf('unmet/scenarios').length === 0, advisory: false, distance: message(unmetOf('unmet/scenarios')),
    },
    {
      label: '覆盖环节',
      current: covered.length ? covered.map((k) => STAGE_LABELS[k]).join('、') : '无',
      required: cond.stages.map((k) => STAGE_LABELS[k]).join('、'),
      met: unmetOf('unmet/stages').length === 0, advisory: false, distance: message(unmetOf('unmet/stages')),
    },
    {
      label: '智能制造能力成熟度（GB/T 39116-2020）',
      current: maturity === null ? '未填写' : MATURITY_SHORT[maturity as MaturityLevel],
      required: `${MATURITY_SHORT[cond.minMaturity]}及以上`,
      met: unmetOf('unmet/maturity').length === 0, advisory: false, distance: message(unmetOf('unmet/maturity')),
    },
  ];
  if (next !== 'basic') {
    const thr = unmetOf('unmet/composite-threshold');
    out.push({
      label: `综合得分建议门槛（${cond.label}场景自评）`,
      current: composite === null ? '暂无法计算' : `${composite.toFixed(2)} 分`,
      required: `高于 ${cond.compositeThreshold} 分`,
      met: thr.length === 0,
      advisory: thr.length > 0 ? thr.every((u) => u.blocking === false) : true,
      distance: message(thr),
    });
  }
  return out;
}

const groupById = (rows: PlainRow[]): Map<number, PlainRow[]> => {
  const m = new Map<number, PlainRow[]>();
  for (const r of rows) {
    const id = int(r.submission_id);
    const list = m.get(id);
    if (list) list.push(r);
    else m.set(id, [r]);
  }
  return m;
};

/** Feedback for a batch of submissions: each table is read once for the batch, not once per enterprise. */
export async function loadFeedbackBatch(conn: DuckDBConnection, submissionIds: readonly number[]): Promise<Feedback[]> {
  if (submissionIds.length === 0) return [];
  // Ids are integers read from the database itself; inlined so one statement serves the whole batch.
  const ids = submissionIds.map((id) => String(Math.trunc(id))).join(', ');
  const all = async (sql: string): Promise<Map<number, PlainRow[]>> => groupById(await readRows(conn, sql.replace('$IDS', ids)));
  const subs = await all('SELECT s.*, f.path FROM submissions s JOIN files f USING (file_id) WHERE s.submission_id IN ($IDS)');
  const results = await all('SELECT * FROM results WHERE submission_id IN ($IDS)');
  const positions = await all('SELECT * FROM enterprise_position WHERE submission_id IN ($IDS)');
  const inds = await all('SELECT * FROM indicator_answers WHERE submission_id IN ($IDS) ORDER BY submission_id, indicator_id');
  const scs = await all('SELECT * FROM scenario_answers WHERE submission_id IN ($IDS) AND tier IS NOT NULL ORDER BY submission_id, scenario_id');
  const stages = await all('SELECT * FROM result_stage_counts WHERE submission_id IN ($IDS)');
  const unmets = await all('SELECT * FROM unmet_conditions WHERE submission_id IN ($IDS) ORDER BY submission_id, seq');
  const finds = await all('SELECT * FROM findings WHERE submission_id IN ($IDS) ORDER BY submission_id, seq');
  const stats = await readRows(conn, `SELECT grain, city_code, industry_code, composite_median, composite_mean FROM region_stats WHERE grain IN ('province', 'city', 'industry')`);
  const stat = (grain: string, key: 'city_code' | 'industry_code' | null, code: PlainRow[string] | undefined): PlainRow =>
    stats.find((r) => r.grain === grain && (key === null || r[key] === (code ?? null))) ?? {};

  return submissionIds.map((submissionId) => {
    const s = subs.get(submissionId)?.[0] ?? {};
    const r = results.get(submissionId)?.[0] ?? {};
    const pos = positions.get(submissionId)?.[0] ?? {};
    const ind = inds.get(submissionId) ?? [];
    const sc = scs.get(submissionId) ?? [];
    const cityStat = stat('city', 'city_code', s.city_code);
    const indStat = stat('industry', 'industry_code', s.industry_code);
    const provStat = stat('province', null, null);
    const next = (str(r.next_tier) as TierKey | null) ?? null;
    return {
      submissionId,
      uscc: str(s.uscc) ?? '',
      name: str(s.name) ?? '',
      region: [str(s.city_name), str(s.county_name)].filter(Boolean).join(' '),
      industry: s.industry_code ? `${str(s.industry_code)} ${str(s.industry_name) ?? ''}` : '—',
      fillDate: str(s.fill_date)?.slice(0, 10) ?? null,
      file: str(s.path) ?? '',
      composite: num(r.composite),
      suggestedTier: (str(r.suggested_tier) as TierKey | null) ?? null,
      referenceTier: (str(r.reference_tier) as TierKey | null) ?? null,
      nextTier: next,
      maturity: (num(s.maturity) as MaturityLevel | null) ?? null,
      scenarioCounts: { basic: int(r.count_basic), advanced: int(r.count_advanced), excellent: int(r.count_excellent), leading: int(r.count_leading) },
      indicators: ind.filter((x) => x.indicator_id !== 7).map((x) => ({
        id: int(x.indicator_id),
        name: INDICATORS.find((i) => i.id === x.indicator_id)?.name ?? '',
        level: x.is_na ? '不涉及此环节' : x.level === null ? (str(x.raw_level) ?? '未填') : `${int(x.level)} 级`,
        score: num(x.score),
        fit: x.fit ? (FIT_ZH[String(x.fit)] ?? String(x.fit)) : null,
        valid: x.valid === true,
      })),
      scenarios: sc.map((x) => ({
        id: int(x.scenario_id),
        name: SCENARIOS.find((i) => i.id === x.scenario_id)?.name ?? '',
        tier: tierZh(str(x.tier)),
        counted: x.counted_tier !== null,
      })),
      conditions: next ? conditionsOf(next, s, r, stages.get(submissionId) ?? [], unmets.get(submissionId) ?? []) : [],
      findings: (finds.get(submissionId) ?? []).map((f) => ({
        severity: str(f.severity) ?? '',
        cell: str(f.cell) ?? str(f.field) ?? '',
        code: str(f.code) ?? '',
        message: str(f.message) ?? '',
      })),
      peers: [
        { group: `本市（${str(s.city_name) ?? '—'}）`, peers: num(pos.city_peers), percentile: num(pos.city_percentile), median: num(cityStat.composite_median), mean: num(cityStat.composite_mean) },
        { group: `本行业（${str(s.industry_name) ?? '—'}）`, peers: num(pos.industry_peers), percentile: num(pos.industry_percentile), median: num(indStat.composite_median), mean: num(indStat.composite_mean) },
        { group: '全省', peers: num(pos.province_peers), percentile: num(pos.province_percentile), median: num(provStat.composite_median), mean: num(provStat.composite_mean) },
      ],
    };
  });
}
