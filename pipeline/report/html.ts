// The self-contained Chinese HTML report: ECharts inlined (nothing is fetched when the page is opened),
// KPI cards, ranked charts, heat tables and sortable tables. Everything shown comes from ReportData, which
// is read from the analytics views; this module only lays it out. User strings are escaped with `html`,
// data for the charts travels as JSON made safe for a <script> element.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { TIER_KEYS, TIER_LABELS, type TierKey } from '../../core/index.ts';
import { html, inlineScriptSource, jsonForScript } from './escape.ts';
import { fmtInt, fmtNum, fmtPct, share } from './format.ts';
import type { GroupStats, ReportData } from './ReportData.ts';
import { REPORT_CSS } from './style.ts';
import { REPORT_SCRIPT } from './script.ts';

let echartsSource: string | null = null;

/** The ECharts distribution bundled with the package (read once; inlined into every page). */
export function echartsBundle(): string {
  if (echartsSource === null) {
    const require = createRequire(import.meta.url);
    echartsSource = inlineScriptSource(readFileSync(require.resolve('echarts/dist/echarts.min.js'), 'utf8'));
  }
  return echartsSource;
}

const TIER_OR_NONE: readonly (TierKey | 'none')[] = ['none', ...TIER_KEYS];
const tierLabel = (t: TierKey | 'none'): string => (t === 'none' ? '未达到' : TIER_LABELS[t]);

interface TableColumn<T> {
  readonly header: string;
  /** Displayed text (escaped here). */
  readonly text: (row: T) => string;
  /** Sort key: numbers sort numerically, null last. */
  readonly sort?: (row: T) => number | string | null;
  readonly num?: boolean;
  /** Optional heat (0..1) shading the cell. */
  readonly heat?: (row: T) => number | null;
}

function table<T>(id: string, columns: readonly TableColumn<T>[], rows: readonly T[], caption?: string): string {
  if (rows.length === 0) return `<p class="empty">暂无数据</p>`;
  const head = columns
    .map((c, i) => `<th scope="col" data-col="${i}" class="${c.num ? 'num' : ''}" tabindex="0" title="点击排序">${html(c.header)}</th>`)
    .join('');
  const body = rows
    .map((r) => {
      const tds = columns.map((c) => {
        const key = c.sort ? c.sort(r) : c.text(r);
        const heat = c.heat ? c.heat(r) : null;
        const style = heat === null ? '' : ` style="background:${heatColour(heat)}"`;
        return `<td class="${c.num ? 'num' : ''}" data-sort="${html(key ?? '')}"${style}>${html(c.text(r))}</td>`;
      });
      return `<tr>${tds.join('')}</tr>`;
    })
    .join('\n');
  const cap = caption ? `<caption>${html(caption)}</caption>` : '';
  return `<div class="table-wrap"><table class="sortable" id="${html(id)}">${cap}<thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

/** White → deep blue as the share grows (readable in print as well). */
function heatColour(x: number): string {
  const t = Math.max(0, Math.min(1, x));
  const mix = (a: number, b: number): number => Math.round(a + (b - a) * t);
  return `rgb(${mix(255, 37)},${mix(255, 99)},${mix(255, 235)});color:${t > 0.55 ? '#fff' : '#1f2937'}`;
}

function kpi(label: string, value: string, note: string): string {
  return `<div class="kpi"><div class="kpi-label">${html(label)}</div><div class="kpi-value">${html(value)}</div><div class="kpi-note">${html(note)}</div></div>`;
}

function scopeText(d: ReportData): string {
  const parts: string[] = [];
  if (d.scope.city) parts.push(d.scope.city.name);
  if (d.scope.industry) parts.push(`${d.scope.industry.code} ${d.scope.industry.name}`);
  return parts.length ? parts.join(' · ') : '全省';
}

function statsColumns(first: string): TableColumn<GroupStats>[] {
  return [
    { header: first, text: (g) => g.label, sort: (g) => g.code },
    { header: '回收份数', text: (g) => fmtInt(g.returns), sort: (g) => g.returns, num: true },
    { header: '可计分', text: (g) => fmtInt(g.scored), sort: (g) => g.scored, num: true },
    { header: '综合得分均值', text: (g) => fmtNum(g.mean), sort: (g) => g.mean, num: true },
    { header: '中位数', text: (g) => fmtNum(g.median), sort: (g) => g.median, num: true },
    { header: '下四分位', text: (g) => fmtNum(g.q1), sort: (g) => g.q1, num: true },
    { header: '上四分位', text: (g) => fmtNum(g.q3), sort: (g) => g.q3, num: true },
    ...TIER_OR_NONE.map((t): TableColumn<GroupStats> => ({
      header: `参考等级：${tierLabel(t)}`,
      text: (g) => fmtInt(g.reference[t]),
      sort: (g) => g.reference[t],
      num: true,
    })),
    {
      header: '基础级及以上占比',
      text: (g) => fmtPct(g.basicPlusShare),
      sort: (g) => g.basicPlusShare,
      num: true,
    },
  ];
}

/** The data the page's script draws from: plain numbers and labels, nothing else. */
function chartData(d: ReportData): unknown {
  const ranked = [...d.areas].filter((a) => a.mean !== null).sort((a, b) => (b.mean ?? 0) - (a.mean ?? 0));
  return {
    tiers: { labels: TIER_OR_NONE.map(tierLabel), reference: TIER_OR_NONE.map((t) => d.overall.reference[t]), suggested: TIER_OR_NONE.map((t) => d.overall.suggested[t]) },
    areaRank: { labels: ranked.map((a) => a.label), mean: ranked.map((a) => a.mean), median: ranked.map((a) => a.median), returns: ranked.map((a) => a.returns) },
    // Boxes in the same order as the ranking: min, Q1, median, Q3, max of the composite.
    areaBox: { labels: ranked.map((a) => a.label), boxes: ranked.map((a) => [a.min, a.q1, a.median, a.q3, a.max]) },
    areaTiers: {
      labels: ranked.map((a) => a.label),
      tiers: TIER_OR_NONE.map(tierLabel),
      shares: TIER_OR_NONE.map((t) => ranked.map((a) => share(a.reference[t], a.returns))),
    },
    indicators: {
      labels: d.indicators.map((i) => `${i.id} ${i.name.replace(/数字化水平$|水平$/, '')}`),
      levels: [0, 1, 2, 3, 4, 5].map((l) => d.indicators.map((i) => i.levels[l] ?? 0)),
      na: d.indicators.map((i) => i.na),
      mean: d.indicators.map((i) => i.meanScore),
    },
    upgrade: {
      labels: d.upgrade.map((u) => `升${u.label}`),
      gap1: d.upgrade.map((u) => u.gap1),
      gap2: d.upgrade.map((u) => u.gap2),
      gap3: d.upgrade.map((u) => u.gap3),
    },
    roster: {
      labels: d.roster.slice(1).map((r) => r.label),
      returned: d.roster.slice(1).map((r) => r.returned),
      missing: d.roster.slice(1).map((r) => r.missing),
      unexpected: d.roster.slice(1).map((r) => r.unexpected),
    },
  };
}

function section(id: string, title: string, body: string, lead = ''): string {
  return `<section id="${id}"><h2>${html(title)}</h2>${lead ? `<p class="lead">${html(lead)}</p>` : ''}${body}</section>`;
}

const chart = (id: string, height = 360): string => `<div class="chart" data-chart="${id}" style="height:${height}px"></div>`;

export function renderReportHtml(d: ReportData): string {
  const o = d.overall;
  const areaWord = d.areaKind === 'city' ? '设区市' : '县（市、区）';
  const rosterTotal = d.roster[0] ?? null;
  const qualityErrors = d.quality.filter((q) => q.severity === 'error').reduce((s, q) => s + q.findings, 0);

  const kpis = [
    kpi('回收答卷（企业）', fmtInt(o.returns), rosterTotal ? `名单应报 ${fmtInt(rosterTotal.expected)} 家，覆盖率 ${fmtPct(rosterTotal.coverage)}` : '未导入名单'),
    kpi('综合得分均值', fmtNum(o.mean), `中位数 ${fmtNum(o.median)}；四分位 ${fmtNum(o.q1)}–${fmtNum(o.q3)}（可计分 ${fmtInt(o.scored)} 家）`),
    kpi('达到基础级及以上', fmtInt(o.basicPlus), `占回收 ${fmtPct(o.basicPlusShare)}`),
    kpi('先进级及以上', fmtInt(o.advancedPlus), `卓越级 ${fmtInt(o.reference.excellent)}，领航级 ${fmtInt(o.reference.leading)}`),
    kpi('差 1–3 个场景即可升级', fmtInt(o.upgrade13), '其他条件均已满足'),
    kpi('数据质量错误', fmtInt(qualityErrors), `涉及 ${fmtInt(d.quality.length)} 类问题`),
  ].join('');

  const tiersTable = table(
    't-tiers',
    [
      { header: '等级', text: (t: TierKey | 'none') => tierLabel(t), sort: (t) => TIER_OR_NONE.indexOf(t) },
      { header: '参考等级（企业数）', text: (t) => fmtInt(o.reference[t]), sort: (t) => o.reference[t], num: true },
      { header: '占比', text: (t) => fmtPct(share(o.reference[t], o.returns)), sort: (t) => o.reference[t], num: true },
      { header: '建议自评等级（企业数）', text: (t) => fmtInt(o.suggested[t]), sort: (t) => o.suggested[t], num: true },
      { header: '占比', text: (t) => fmtPct(share(o.suggested[t], o.returns)), sort: (t) => o.suggested[t], num: true },
    ],
    TIER_OR_NONE,
  );

  const indicatorTable = table(
    't-indicators',
    [
      { header: '指标', text: (i) => `${i.id} ${i.name}`, sort: (i) => i.id },
      { header: '已填', text: (i) => fmtInt(i.answered), sort: (i) => i.answered, num: true },
      ...[0, 1, 2, 3, 4, 5].map((l): TableColumn<ReportData['indicators'][number]> => ({
        header: `${l + 1}级`,
        text: (i) => fmtInt(i.levels[l] ?? 0),
        sort: (i) => i.levels[l] ?? 0,
        num: true,
        heat: (i) => share(i.levels[l] ?? 0, i.answered),
      })),
      { header: '不涉及', text: (i) => fmtInt(i.na), sort: (i) => i.na, num: true },
      { header: '不涉及占比', text: (i) => fmtPct(i.naShare), sort: (i) => i.naShare, num: true },
      { header: '平均分', text: (i) => fmtNum(i.meanScore), sort: (i) => i.meanScore, num: true },
    ],
    d.indicators,
  );

  const scenarioTable = table(
    't-scenarios',
    [
      { header: '编号', text: (s) => String(s.id), sort: (s) => s.id, num: true },
      { header: '场景', text: (s) => s.name },
      { header: '类别', text: (s) => s.area },
      { header: '环节', text: (s) => s.stage },
      ...TIER_KEYS.map((t): TableColumn<ReportData['scenarios'][number]> => ({
        header: TIER_LABELS[t],
        text: (s) => fmtPct(s.share[t]),
        sort: (s) => s.share[t],
        num: true,
        heat: (s) => s.share[t],
      })),
      { header: '已建设（任一等级）', text: (s) => fmtPct(s.anyShare), sort: (s) => s.anyShare, num: true, heat: (s) => s.anyShare },
    ],
    d.scenarios,
  );

  const stageTable = table(
    't-stages',
    [
      { header: '环节', text: (s) => s.label },
      ...TIER_KEYS.map((t): TableColumn<ReportData['stages'][number]> => ({
        header: `${TIER_LABELS[t]}及以上`,
        text: (s) => fmtPct(s.share[t]),
        sort: (s) => s.share[t],
        num: true,
        heat: (s) => s.share[t],
      })),
    ],
    d.stages,
  );

  const areaTable = table(
    't-scenario-areas',
    [
      { header: '场景类别', text: (s) => s.label },
      ...TIER_KEYS.map((t): TableColumn<ReportData['scenarioAreas'][number]> => ({
        header: `${TIER_LABELS[t]}及以上`,
        text: (s) => fmtPct(s.share[t]),
        sort: (s) => s.share[t],
        num: true,
        heat: (s) => s.share[t],
      })),
    ],
    d.scenarioAreas,
  );

  const unmetTable = table(
    't-unmet',
    [
      { header: '下一等级', text: (u) => u.tierLabel, sort: (u) => TIER_KEYS.indexOf(u.nextTier) },
      { header: '未满足条件', text: (u) => u.label },
      { header: '企业数', text: (u) => fmtInt(u.enterprises), sort: (u) => u.enterprises, num: true },
      { header: '占该等级待升级企业', text: (u) => fmtPct(u.share), sort: (u) => u.share, num: true, heat: (u) => u.share },
    ],
    d.unmet,
  );

  const upgradeTable = table(
    't-upgrade',
    [
      { header: '可升至', text: (u) => u.label, sort: (u) => TIER_KEYS.indexOf(u.nextTier) },
      { header: '待升级企业', text: (u) => fmtInt(u.candidates), sort: (u) => u.candidates, num: true },
      { header: '差 1 个场景', text: (u) => fmtInt(u.gap1), sort: (u) => u.gap1, num: true },
      { header: '差 2 个场景', text: (u) => fmtInt(u.gap2), sort: (u) => u.gap2, num: true },
      { header: '差 3 个场景', text: (u) => fmtInt(u.gap3), sort: (u) => u.gap3, num: true },
    ],
    d.upgrade,
  );

  const rosterTable = d.roster.length
    ? table(
        't-roster',
        [
          { header: areaWord, text: (r) => r.label, sort: (r) => r.code },
          { header: '名单应报', text: (r) => fmtInt(r.expected), sort: (r) => r.expected, num: true },
          { header: '已回收', text: (r) => fmtInt(r.returned), sort: (r) => r.returned, num: true },
          { header: '未回收', text: (r) => fmtInt(r.missing), sort: (r) => r.missing, num: true },
          { header: '名单外回收', text: (r) => fmtInt(r.unexpected), sort: (r) => r.unexpected, num: true },
          { header: '覆盖率', text: (r) => fmtPct(r.coverage), sort: (r) => r.coverage, num: true, heat: (r) => r.coverage },
        ],
        d.roster,
      )
    : '<p class="empty">尚未导入企业名单（sfe roster import），无法统计应报与未回收。</p>';

  const qualityTable = table(
    't-quality',
    [
      { header: '问题代码', text: (q) => q.code },
      { header: '说明', text: (q) => q.label },
      { header: '级别', text: (q) => (q.severity === 'error' ? '错误' : q.severity === 'warning' ? '警告' : '提示'), sort: (q) => q.severity },
      { header: '问题数', text: (q) => fmtInt(q.findings), sort: (q) => q.findings, num: true },
      { header: '涉及企业', text: (q) => fmtInt(q.enterprises), sort: (q) => q.enterprises, num: true },
    ],
    d.quality,
  );

  const correctionsTable = table(
    't-corrections',
    [
      { header: '统一社会信用代码', text: (c) => c.uscc },
      { header: '企业名称', text: (c) => c.name },
      { header: '地区', text: (c) => c.area },
      { header: '错误数', text: (c) => fmtInt(c.errors), sort: (c) => c.errors, num: true },
      { header: '问题', text: (c) => c.problems },
    ],
    d.corrections,
  );
  const correctionsNote = d.correctionsTotal > d.corrections.length
    ? `<p class="lead">共 ${fmtInt(d.correctionsTotal)} 份，此处列出前 ${fmtInt(d.corrections.length)} 份；完整名单见汇总工作簿「需退回更正」。</p>`
    : '';

  const hasScores = d.areas.some((a) => a.mean !== null);
  const body = [
    `<header class="masthead"><div class="eyebrow">江苏省智能工厂梯度建设 · 自评价汇总分析</div><h1>${html(d.title)}</h1>
      <div class="meta">范围：<strong>${html(scopeText(d))}</strong> · 生成时间：${html(d.generatedAt)} · 规则版本：${html(d.rulesetVersion)} · 口径：每家企业取当前有效答卷</div></header>`,
    `<nav class="toc no-print">${[
      ['overview', '概览'], ['areas', `${areaWord}排名`], ['tiers', '等级分布'], ['indicators', '指标画像'], ['scenarios', '场景建设'],
      ['upgrade', '升级差距'], ['industries', '行业'], ['roster', '名单覆盖'], ['quality', '数据质量'],
    ].map(([id, t]) => `<a href="#${id}">${html(t)}</a>`).join('')}</nav>`,
    section('overview', '概览', `<div class="kpis">${kpis}</div>`),
    section(
      'areas',
      `${areaWord}排名`,
      (hasScores ? `<div class="grid2">${chart('areaRank', Math.max(320, d.areas.length * 30 + 80))}${chart('areaTiers', Math.max(320, d.areas.length * 30 + 80))}</div>` : '<p class="empty">暂无可计分的答卷</p>') +
        (hasScores ? chart('areaBox', Math.max(300, d.areas.length * 26 + 70)) : '') +
        table('t-areas', statsColumns(areaWord), d.areas),
      `按综合得分均值排序；右图为各${areaWord}参考等级构成；下图为综合得分分布（最低、下四分位、中位数、上四分位、最高）。点击表头可排序。`,
    ),
    section('tiers', '等级分布', o.returns > 0 ? `<div class="grid2">${chart('tiers', 320)}<div>${tiersTable}</div></div>` : '<p class="empty">暂无数据</p>',
      '参考等级：全部条件均满足的最高等级；建议自评等级：综合得分所开启的场景自评等级（高于60/70/80/90分）。'),
    section('indicators', '数字化转型指标画像', (d.indicators.length ? chart('indicators', 420) : '') + indicatorTable, '各指标所选等级的分布、「不涉及此环节」占比与平均自评分（仅计有效分数）。'),
    section('scenarios', '典型场景建设情况', `<h3>按环节（该等级及以上有场景的企业占比）</h3>${stageTable}<h3>按场景类别（该等级及以上有场景的企业占比）</h3>${areaTable}<h3>按场景（自评等级占回收份数）</h3>${scenarioTable}`,
      '颜色越深，自评为该等级的企业占比越高。'),
    section('upgrade', '升级差距：差 1–3 个场景即可升级', `${d.upgrade.length ? `<div class="grid2">${chart('upgrade', 300)}<div>${upgradeTable}</div></div>` : upgradeTable}<h3>下一等级最常见的未满足条件</h3>${unmetTable}`,
      '「差 N 个场景」：下一等级的其他条件（基础要求、综合得分、成熟度）均已满足，再建设 N 个该等级及以上场景（含覆盖缺失环节）即可达到。'),
    section('industries', '分行业（国民经济行业分类大类）', table('t-industries', statsColumns('行业'), d.industries)),
    section('roster', '名单覆盖', (d.roster.length > 1 ? chart('roster', Math.max(300, (d.roster.length - 1) * 28 + 80)) : '') + rosterTable),
    section('quality', '数据质量', `${qualityTable}<h3>需退回企业更正的答卷（${html(fmtInt(d.correctionsTotal))} 份）</h3>${correctionsNote}${correctionsTable}`,
      '当前有效答卷中的问题（按问题代码汇总）。错误会使综合得分或等级无法计算，请退回企业更正。'),
    `<footer>本报告由 sfe report 依据汇总数据库中的分析视图生成（region_stats、indicator_profile、scenario_adoption、stage_adoption、area_adoption、upgrade_gap、unmet_summary、roster_coverage_by_area、data_quality、returns_with_errors），所有数字均可用 sfe query 复核。</footer>`,
  ].join('\n');

  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html(d.title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
${body}
</main>
<script type="application/json" id="report-data">${jsonForScript(chartData(d))}</script>
<script>${echartsBundle()}</script>
<script>${REPORT_SCRIPT}</script>
</body>
</html>
`;
}
