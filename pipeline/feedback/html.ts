// One enterprise's feedback as a PDF-ready A4 page (print from any browser, or convert with LibreOffice /
// Chromium). No script, no external resource: plain HTML and CSS, every value escaped.
import { TIER_LABELS, type TierKey } from '../../core/index.ts';
import { html } from '../report/escape.ts';
import { fmtNum } from '../report/format.ts';
import type { Feedback } from './loadFeedback.ts';

const tierZh = (t: TierKey | null, none = '未达到'): string => (t ? TIER_LABELS[t] : none);

const CSS = `
@page{size:A4;margin:16mm 14mm}
*{box-sizing:border-box}
body{margin:0;color:#1f2937;font:13px/1.6 "Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;background:#fff}
.page{max-width:190mm;margin:0 auto;padding:12px 0 32px}
h1{font-size:20px;margin:0 0 2px}
.sub{color:#6b7280;font-size:12px}
h2{font-size:15px;margin:18px 0 6px;border-left:4px solid #1d4ed8;padding-left:8px;break-after:avoid}
.cards{display:grid;grid-template-columns:repeat(4,1fr);gap:8px;margin-top:12px}
.card{border:1px solid #e5e7eb;border-radius:8px;padding:8px 10px}
.card b{display:block;font-size:20px;color:#1d4ed8}
.card span{color:#6b7280;font-size:12px}
table{border-collapse:collapse;width:100%;font-size:12px}
th,td{border:1px solid #e5e7eb;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f1f5f9}
tr{break-inside:avoid}
.num{text-align:right;font-variant-numeric:tabular-nums}
.status{white-space:nowrap}
.ok{color:#15803d}.no{color:#b91c1c}.adv{color:#b45309}
.note{color:#6b7280;font-size:12px}
@media print{.page{max-width:none;padding:0}th{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
`;

function rows<T>(items: readonly T[], cells: (x: T) => string[], empty: string, cols: number): string {
  if (!items.length) return `<tr><td colspan="${cols}" class="note">${html(empty)}</td></tr>`;
  return items.map((x) => `<tr>${cells(x).join('')}</tr>`).join('\n');
}

const td = (v: unknown, cls = ''): string => `<td${cls ? ` class="${cls}"` : ''}>${html(v)}</td>`;

export function renderFeedbackHtml(f: Feedback, generatedAt: string): string {
  const next = f.nextTier;
  const conditions = next
    ? `<h2>距${html(tierZh(next))}的条件</h2>
<table><thead><tr><th>条件</th><th>要求</th><th>当前</th><th class="status">状态</th><th>差距</th></tr></thead><tbody>
${rows(f.conditions, (c) => [
        td(c.label), td(c.required), td(c.current),
        c.met ? td('已满足', 'ok status') : c.advisory ? td('建议', 'adv status') : td('未满足', 'no status'),
        td(c.met ? '—' : (c.distance ?? '')),
      ], '无', 5)}
</tbody></table>`
    : `<h2>梯度等级</h2><p>已达到最高等级（领航级）。</p>`;

  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${html(f.name)} — 智能工厂梯度建设自评价反馈</title><style>${CSS}</style></head>
<body><div class="page">
<h1>智能工厂梯度建设自评价反馈</h1>
<div class="sub">${html(f.name)}　统一社会信用代码 ${html(f.uscc)}　${html(f.region)}　行业 ${html(f.industry)}　填报日期 ${html(f.fillDate ?? '—')}　生成于 ${html(generatedAt)}</div>
<div class="cards">
  <div class="card"><span>综合得分</span><b>${html(f.composite === null ? '暂无法计算' : f.composite.toFixed(2))}</b></div>
  <div class="card"><span>参考等级</span><b>${html(tierZh(f.referenceTier))}</b></div>
  <div class="card"><span>建议开展的场景自评</span><b>${html(tierZh(f.suggestedTier, '未开启'))}</b></div>
  <div class="card"><span>建设场景数（基础/先进/卓越/领航及以上）</span><b>${html(`${f.scenarioCounts.basic}/${f.scenarioCounts.advanced}/${f.scenarioCounts.excellent}/${f.scenarioCounts.leading}`)}</b></div>
</div>
${conditions}
<h2>在同类企业中的位置</h2>
<table><thead><tr><th>比较范围</th><th class="num">可计分企业数</th><th class="num">百分位</th><th class="num">中位数</th><th class="num">平均分</th></tr></thead><tbody>
${rows(f.peers, (p) => [td(p.group), td(p.peers ?? '—', 'num'), td(p.percentile === null ? '—' : `${p.percentile.toFixed(0)}%`, 'num'), td(fmtNum(p.median), 'num'), td(fmtNum(p.mean), 'num')], '无', 5)}
</tbody></table>
<p class="note">百分位：综合得分高于同范围内其他可计分企业的比例（不显示其他企业的名称或答卷）。综合得分无法计算时不参与比较。</p>
<h2>数字化转型自评价（核验后）</h2>
<table><thead><tr><th>指标</th><th>等级</th><th class="num">分数</th><th>符合程度</th><th>核验</th></tr></thead><tbody>
${rows(f.indicators, (i) => [td(`${i.id} ${i.name}`), td(i.level), td(i.score === null ? '—' : i.score, 'num'), td(i.fit ?? '—'), i.valid ? td('有效', 'ok') : td('有误，见下方问题', 'no')], '无', 5)}
</tbody></table>
<h2>典型场景自评（${html(f.scenarios.length)} 个）</h2>
<table><thead><tr><th class="num">编号</th><th>场景</th><th>自评等级</th><th>计入</th></tr></thead><tbody>
${rows(f.scenarios, (s) => [td(s.id, 'num'), td(s.name), td(s.tier), s.counted ? td('是', 'ok') : td('否（该等级无描述）', 'no')], '未自评任何场景', 4)}
</tbody></table>
<h2>需要更正或注意的问题（${html(f.findings.length)} 项）</h2>
<table><thead><tr><th>级别</th><th>单元格</th><th>说明</th></tr></thead><tbody>
${rows(f.findings, (x) => [x.severity === 'error' ? td('错误', 'no') : x.severity === 'warning' ? td('警告', 'adv') : td('提示'), td(x.cell), td(x.message)], '未发现问题', 3)}
</tbody></table>
<p class="note">本反馈依据省智能工厂梯度建设自评价规则（2025年版）由汇总系统自动生成；参考等级为自评参考，以主管部门认定为准。</p>
</div></body></html>
`;
}
