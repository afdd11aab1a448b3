// The report's stylesheet: readable on screen, clean on A4 paper (charts and tables never split mid-row).
export const REPORT_CSS = `
:root{--ink:#1f2937;--muted:#6b7280;--line:#e5e7eb;--brand:#1d4ed8;--bg:#f6f7fb;--card:#fff}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:14px/1.6 "Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif}
main{max-width:1180px;margin:0 auto;padding:24px 28px 48px}
.masthead{background:linear-gradient(120deg,#1e3a8a,#2563eb);color:#fff;border-radius:14px;padding:22px 28px;margin-bottom:14px}
.masthead h1{margin:4px 0 6px;font-size:26px;letter-spacing:.5px}
.eyebrow{opacity:.8;font-size:13px;letter-spacing:1px}
.meta{opacity:.9;font-size:13px}
.toc{display:flex;flex-wrap:wrap;gap:6px;margin:0 0 12px}
.toc a{color:var(--brand);background:#fff;border:1px solid var(--line);border-radius:999px;padding:3px 12px;text-decoration:none;font-size:13px}
section{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:18px 22px;margin:14px 0;break-inside:auto}
h2{font-size:19px;margin:0 0 6px;border-left:4px solid var(--brand);padding-left:10px}
h3{font-size:15px;margin:16px 0 6px;color:#374151}
.lead{color:var(--muted);margin:0 0 12px;font-size:13px}
.kpis{display:grid;grid-template-columns:repeat(3,1fr);gap:12px}
.kpi{border:1px solid var(--line);border-radius:10px;padding:12px 16px;background:linear-gradient(180deg,#fff,#f8fafc)}
.kpi-label{color:var(--muted);font-size:13px}
.kpi-value{font-size:30px;font-weight:700;color:var(--brand);line-height:1.3;font-variant-numeric:tabular-nums}
.kpi-note{color:var(--muted);font-size:12px}
.grid2{display:grid;grid-template-columns:1fr 1fr;gap:16px;align-items:start}
.chart{width:100%;min-height:260px;break-inside:avoid}
.table-wrap{overflow-x:auto;margin-top:8px}
table{border-collapse:collapse;width:100%;font-size:13px;font-variant-numeric:tabular-nums}
caption{text-align:left;color:var(--muted);padding:4px 0}
th,td{border-bottom:1px solid var(--line);padding:5px 8px;text-align:left;white-space:nowrap}
td{word-break:break-all}
th{background:#f1f5f9;position:sticky;top:0;cursor:pointer;user-select:none;font-weight:600}
th:hover{background:#e2e8f0}
th.sorted-asc::after{content:" ▲";font-size:10px}
th.sorted-desc::after{content:" ▼";font-size:10px}
.num{text-align:right}
tbody tr:nth-child(even) td:not([style]){background:#fafafa}
.empty{color:var(--muted);font-style:italic}
footer{color:var(--muted);font-size:12px;margin-top:20px}
@media (max-width:800px){.grid2,.kpis{grid-template-columns:1fr}}
@media print{
  @page{size:A4;margin:14mm 12mm}
  body{background:#fff;font-size:11px}
  main{max-width:none;padding:0}
  .no-print{display:none}
  .masthead{background:#fff;color:#000;border:2px solid #1e3a8a;-webkit-print-color-adjust:exact;print-color-adjust:exact}
  section{border:none;border-top:1px solid #999;border-radius:0;padding:10px 0;break-inside:auto}
  section h2{break-after:avoid}
  .chart,.kpis,tr{break-inside:avoid}
  th{position:static;background:#eee!important}
  td[style]{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  .table-wrap{overflow:visible}
  th,td{white-space:normal}
}
`;
