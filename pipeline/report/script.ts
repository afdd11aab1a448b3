// The report page's own script (runs in the browser, plain ES2017): draws the charts from the JSON data
// element and makes every table sortable. Kept as a string so the page stays one self-contained file.
export const REPORT_SCRIPT = String.raw`
(function () {
  'use strict';
  var D = JSON.parse(document.getElementById('report-data').textContent);
  var TIER_COLOURS = ['#cbd5e1', '#93c5fd', '#3b82f6', '#1d4ed8', '#f59e0b'];
  var LEVEL_COLOURS = ['#e2e8f0', '#bfdbfe', '#93c5fd', '#60a5fa', '#2563eb', '#1e3a8a', '#fcd34d'];
  var FONT = '"Noto Sans CJK SC","Microsoft YaHei",sans-serif';
  var charts = {};
  window.__sfeCharts = charts;

  function pct(v) { return v === null || v === undefined ? '—' : (v * 100).toFixed(1) + '%'; }
  function num(v) { return v === null || v === undefined ? '—' : Number(v).toFixed(1); }

  var builders = {
    tiers: function () {
      return {
        color: ['#1d4ed8', '#f59e0b'],
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 48, right: 16, top: 36, bottom: 28 },
        xAxis: { type: 'category', data: D.tiers.labels },
        yAxis: { type: 'value', name: '企业数', minInterval: 1 },
        series: [
          { name: '参考等级', type: 'bar', data: D.tiers.reference, label: { show: true, position: 'top' } },
          { name: '建议自评等级', type: 'bar', data: D.tiers.suggested, label: { show: true, position: 'top' } }
        ]
      };
    },
    areaRank: function () {
      var a = D.areaRank;
      return {
        title: { text: '综合得分均值', left: 0, textStyle: { fontSize: 14 } },
        tooltip: {
          trigger: 'axis', axisPointer: { type: 'shadow' },
          formatter: function (p) {
            var i = p[0].dataIndex;
            return a.labels[i] + '<br>均值 ' + num(a.mean[i]) + '　中位数 ' + num(a.median[i]) + '<br>回收 ' + a.returns[i] + ' 份';
          }
        },
        grid: { left: 8, right: 48, top: 40, bottom: 16, containLabel: true },
        xAxis: { type: 'value', min: 0, max: 100 },
        yAxis: { type: 'category', data: a.labels, inverse: true },
        series: [{
          name: '综合得分均值', type: 'bar', data: a.mean, barMaxWidth: 18,
          itemStyle: { color: '#2563eb', borderRadius: [0, 4, 4, 0] },
          label: { show: true, position: 'right', formatter: function (p) { return num(p.value); } }
        }]
      };
    },
    areaBox: function () {
      var b = D.areaBox;
      return {
        title: { text: '综合得分分布', left: 0, textStyle: { fontSize: 14 } },
        tooltip: {
          trigger: 'item',
          formatter: function (p) {
            var v = b.boxes[p.dataIndex];
            return b.labels[p.dataIndex] + '<br>最低 ' + num(v[0]) + '　下四分位 ' + num(v[1]) + '<br>中位数 ' + num(v[2]) +
              '<br>上四分位 ' + num(v[3]) + '　最高 ' + num(v[4]);
          }
        },
        grid: { left: 8, right: 24, top: 44, bottom: 16, containLabel: true },
        xAxis: { type: 'value', min: 0, max: 100 },
        yAxis: { type: 'category', data: b.labels, inverse: true },
        series: [{ name: '综合得分', type: 'boxplot', layout: 'horizontal', data: b.boxes, boxWidth: [6, 14],
          itemStyle: { color: '#dbeafe', borderColor: '#1d4ed8' } }]
      };
    },
    areaTiers: function () {
      var a = D.areaTiers;
      return {
        title: { text: '参考等级构成', left: 0, textStyle: { fontSize: 14 } },
        color: TIER_COLOURS,
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: pct },
        legend: { top: 0, right: 0 },
        grid: { left: 8, right: 16, top: 40, bottom: 16, containLabel: true },
        xAxis: { type: 'value', max: 1, axisLabel: { formatter: function (v) { return Math.round(v * 100) + '%'; } } },
        yAxis: { type: 'category', data: a.labels, inverse: true },
        series: a.tiers.map(function (t, i) {
          return { name: t, type: 'bar', stack: 'tier', data: a.shares[i], barMaxWidth: 18 };
        })
      };
    },
    indicators: function () {
      var x = D.indicators;
      var series = x.levels.map(function (data, l) {
        return { name: (l + 1) + '级', type: 'bar', stack: 'level', data: data, barMaxWidth: 34 };
      });
      series.push({ name: '不涉及', type: 'bar', stack: 'level', data: x.na, barMaxWidth: 34 });
      series.push({ name: '平均分', type: 'line', yAxisIndex: 1, data: x.mean, symbolSize: 8,
        itemStyle: { color: '#dc2626' }, lineStyle: { width: 2 },
        label: { show: true, position: 'top', formatter: function (p) { return num(p.value); } } });
      return {
        color: LEVEL_COLOURS,
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 48, right: 48, top: 40, bottom: 64 },
        xAxis: { type: 'category', data: x.labels, axisLabel: { interval: 0, rotate: 30 } },
        yAxis: [{ type: 'value', name: '企业数', minInterval: 1 }, { type: 'value', name: '平均分', min: 0, max: 100 }],
        series: series
      };
    },
    upgrade: function () {
      var u = D.upgrade;
      return {
        color: ['#1d4ed8', '#60a5fa', '#bfdbfe'],
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { top: 0 },
        grid: { left: 48, right: 16, top: 36, bottom: 28 },
        xAxis: { type: 'category', data: u.labels },
        yAxis: { type: 'value', name: '企业数', minInterval: 1 },
        series: [
          { name: '差1个场景', type: 'bar', stack: 'gap', data: u.gap1 },
          { name: '差2个场景', type: 'bar', stack: 'gap', data: u.gap2 },
          { name: '差3个场景', type: 'bar', stack: 'gap', data: u.gap3 }
        ]
      };
    },
    roster: function () {
      var r = D.roster;
      return {
        color: ['#16a34a', '#f87171', '#facc15'],
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { top: 0 },
        grid: { left: 8, right: 24, top: 36, bottom: 16, containLabel: true },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', data: r.labels, inverse: true },
        series: [
          { name: '已回收', type: 'bar', stack: 'roster', data: r.returned, barMaxWidth: 16 },
          { name: '未回收', type: 'bar', stack: 'roster', data: r.missing, barMaxWidth: 16 },
          { name: '名单外回收', type: 'bar', data: r.unexpected, barMaxWidth: 16 }
        ]
      };
    }
  };

  var els = document.querySelectorAll('[data-chart]');
  for (var i = 0; i < els.length; i++) {
    var el = els[i];
    var id = el.getAttribute('data-chart');
    var build = builders[id];
    if (!build) continue;
    var chart = echarts.init(el, null, { renderer: 'svg' });
    var option = build();
    option.textStyle = { fontFamily: FONT };
    option.animation = false;
    chart.setOption(option);
    charts[id] = chart;
  }
  function resizeAll() { for (var k in charts) charts[k].resize(); }
  window.addEventListener('resize', resizeAll);
  window.addEventListener('beforeprint', resizeAll);

  // Sortable tables: numbers by their data-sort value, text by Chinese collation; empty values last.
  function sortTable(th) {
    var table = th.closest('table');
    var col = Number(th.getAttribute('data-col'));
    var asc = !th.classList.contains('sorted-asc');
    var ths = table.querySelectorAll('th');
    for (var j = 0; j < ths.length; j++) ths[j].classList.remove('sorted-asc', 'sorted-desc');
    th.classList.add(asc ? 'sorted-asc' : 'sorted-desc');
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = a.cells[col].getAttribute('data-sort'), y = b.cells[col].getAttribute('data-sort');
      if (x === '' && y === '') return 0;
      if (x === '') return 1;
      if (y === '') return -1;
      var nx = Number(x), ny = Number(y);
      var c = !isNaN(nx) && !isNaN(ny) ? nx - ny : x.localeCompare(y, 'zh-CN');
      return asc ? c : -c;
    });
    for (var r = 0; r < rows.length; r++) body.appendChild(rows[r]);
  }
  document.addEventListener('click', function (e) {
    var th = e.target.closest && e.target.closest('table.sortable th');
    if (th) sortTable(th);
  });
  document.addEventListener('keydown', function (e) {
    var th = e.target.closest && e.target.closest('table.sortable th');
    if (th && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); sortTable(th); }
  });
})();
`;
