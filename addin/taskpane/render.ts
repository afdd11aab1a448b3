// View model → DOM. No logic beyond layout: what to show was decided in model.ts.
import type { Dashboard, PaneView, Problem } from './model.ts';

export interface PaneActions {
  select(field: string): void;
  exportAnswers(): void;
  refresh(): void;
}

type Child = Node | string | null | false | undefined;

function h(doc: Document, tag: string, attrs: Record<string, string> = {}, children: readonly Child[] = []): HTMLElement {
  const el = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== false && c !== undefined) el.append(typeof c === 'string' ? doc.createTextNode(c) : c);
  return el;
}

function card(doc: Document, title: string, children: readonly Child[], extra = ''): HTMLElement {
  return h(doc, 'section', { class: `card ${extra}`.trim() }, [h(doc, 'h2', {}, [title]), ...children]);
}

const mark = (doc: Document, met: boolean, advisory = false): HTMLElement =>
  h(doc, 'span', { class: `mark ${met ? 'met' : advisory ? 'advisory' : 'unmet'}`, 'aria-label': met ? '已满足' : '未满足' }, [met ? '✓' : advisory ? '!' : '✗']);

function summary(doc: Document, d: Dashboard): HTMLElement {
  const c = d.composite;
  const bar = h(doc, 'div', { class: 'bar', role: 'img', 'aria-label': `综合得分 ${c.display}` }, [
    h(doc, 'div', { class: 'fill', style: `width:${c.value === null ? 0 : Math.max(0, Math.min(100, c.value))}%` }),
    ...c.thresholds.map((t) => h(doc, 'span', { class: 'tick', style: `left:${t.value}%` })),
  ]);
  const chips = h(doc, 'div', { class: 'chips' }, c.thresholds.map((t) =>
    h(doc, 'span', { class: `chip ${t.above ? 'on' : ''}` }, [`>${t.value} ${t.label}`]),
  ));
  const note = c.value === null
    ? `尚有 ${c.incomplete.length} 项指标未填或有误（指标${c.incomplete.join('、')}），暂无法计算。`
    : `${c.scored} 项指标参与计分${c.na.length ? `，指标${c.na.join('、')}不涉及` : ''}。`;
  return h(doc, 'section', { class: 'card summary' }, [
    h(doc, 'div', { class: 'kpis' }, [
      h(doc, 'div', { class: 'kpi' }, [h(doc, 'div', { class: 'kpi-label' }, ['综合得分']), h(doc, 'div', { class: 'kpi-value', 'data-testid': 'composite' }, [c.display])]),
      h(doc, 'div', { class: 'kpi' }, [h(doc, 'div', { class: 'kpi-label' }, ['参考等级']), h(doc, 'div', { class: `kpi-value tier ${d.referenceTier ? '' : 'none'}`, 'data-testid': 'reference-tier' }, [d.referenceTier ?? '未达到'])]),
    ]),
    bar,
    chips,
    h(doc, 'p', { class: 'muted' }, [note, ' 建议开展场景自评的等级：', h(doc, 'b', { 'data-testid': 'suggested-tier' }, [d.suggestedTier ?? '暂无']), '。']),
  ]);
}

function nextTier(doc: Document, d: Dashboard): HTMLElement {
  if (!d.nextTier) return card(doc, '晋级差距', [h(doc, 'p', {}, ['已达到领航级，没有更高等级。'])]);
  return card(doc, `距${d.nextTier.label}还差`, [
    h(doc, 'ul', { class: 'unmet', 'data-testid': 'unmet' }, d.nextTier.unmet.map((u) =>
      h(doc, 'li', { class: u.advisory ? 'advisory' : '' }, [mark(doc, false, u.advisory), h(doc, 'span', {}, [u.message])]),
    )),
  ]);
}

function problemItem(doc: Document, p: Problem, actions: PaneActions): HTMLElement {
  const body = [h(doc, 'span', { class: `sev ${p.severity}` }, [p.severityLabel]), h(doc, 'span', { class: 'where' }, [p.location]), h(doc, 'span', { class: 'msg' }, [p.message])];
  if (!p.selectable) return h(doc, 'li', { class: 'problem' }, [h(doc, 'div', { class: 'problem-body' }, body)]);
  const btn = h(doc, 'button', { type: 'button', class: 'problem-body', 'data-field': p.field, title: '点击定位到该单元格' }, body);
  btn.addEventListener('click', () => actions.select(p.field));
  return h(doc, 'li', { class: 'problem' }, [btn]);
}

function problems(doc: Document, d: Dashboard, actions: PaneActions): HTMLElement {
  const n = d.problemCounts;
  const head = h(doc, 'div', { class: 'counts' }, [
    h(doc, 'span', { class: 'sev error' }, [`错误 ${n.error}`]),
    h(doc, 'span', { class: 'sev warning' }, [`提示 ${n.warning}`]),
  ]);
  if (d.problems.length === 0) return card(doc, '填报问题', [h(doc, 'p', { class: 'ok' }, ['未发现问题。'])]);
  return card(doc, '填报问题', [head, h(doc, 'ul', { class: 'problems', 'data-testid': 'problems' }, d.problems.map((p) => problemItem(doc, p, actions)))]);
}

function tiers(doc: Document, d: Dashboard): HTMLElement {
  return card(doc, '各等级条件', d.tiers.map((t) =>
    h(doc, 'details', { class: `tier-row ${t.met ? 'met' : ''}` }, [
      h(doc, 'summary', {}, [mark(doc, t.met), h(doc, 'b', {}, [t.label]), h(doc, 'span', { class: 'muted' }, [t.met ? '条件均满足' : `${t.conditions.filter((c) => !c.met && !c.advisory).length} 项未满足`])]),
      h(doc, 'ul', { class: 'conds' }, t.conditions.map((c) => h(doc, 'li', {}, [mark(doc, c.met, c.advisory), c.label]))),
    ]),
  ));
}

function scenarios(doc: Document, d: Dashboard): HTMLElement {
  const head = h(doc, 'tr', {}, [h(doc, 'th', {}, ['等级']), h(doc, 'th', {}, ['场景数']), ...d.stageLabels.map((s) => h(doc, 'th', { title: s.full }, [s.short]))]);
  const rows = d.scenarios.map((r) =>
    h(doc, 'tr', {}, [
      h(doc, 'th', {}, [r.label]),
      h(doc, 'td', { class: r.count >= r.required ? 'good' : 'short' }, [`${r.count}/${r.required}`]),
      ...r.stages.map((s) => h(doc, 'td', { class: s.required ? (s.count > 0 ? 'good' : 'short') : 'plain' }, [String(s.count)])),
    ]),
  );
  return card(doc, '建设场景数', [
    h(doc, 'table', { class: 'grid', 'data-testid': 'scenario-table' }, [h(doc, 'thead', {}, [head]), h(doc, 'tbody', {}, rows)]),
    h(doc, 'p', { class: 'muted small' }, ['场景数：自评为该等级及以上的场景数 / 要求数。环节（工厂建设、研发设计、生产作业、生产管理、运营管理）列为各环节的场景数，着色的是该等级须覆盖的环节。']),
  ]);
}

function indicators(doc: Document, d: Dashboard): HTMLElement {
  return card(doc, '数字化转型指标', [
    h(doc, 'table', { class: 'grid indicators' }, [
      h(doc, 'thead', {}, [h(doc, 'tr', {}, ['指标', '等级', '分数', '档位'].map((x) => h(doc, 'th', {}, [x])))]),
      h(doc, 'tbody', {}, d.indicators.map((r) =>
        h(doc, 'tr', { class: r.status }, [
          h(doc, 'td', { class: 'name' }, [`${r.id} ${r.name.replace(/数字化水平$/, '')}`]),
          h(doc, 'td', {}, [r.level]),
          h(doc, 'td', {}, [r.score]),
          h(doc, 'td', {}, [r.fit || r.band]),
        ]),
      )),
    ]),
  ]);
}

function toolbar(doc: Document, actions: PaneActions, withExport: boolean): HTMLElement {
  const refresh = h(doc, 'button', { type: 'button', class: 'btn secondary', 'data-action': 'refresh' }, ['重新计算']);
  refresh.addEventListener('click', () => actions.refresh());
  const children: Child[] = [refresh];
  if (withExport) {
    const exp = h(doc, 'button', { type: 'button', class: 'btn', 'data-action': 'export' }, ['导出答卷 JSON']);
    exp.addEventListener('click', () => actions.exportAnswers());
    children.unshift(exp);
  }
  return h(doc, 'div', { class: 'toolbar' }, children);
}

export function renderView(root: HTMLElement, view: PaneView, actions: PaneActions): void {
  const doc = root.ownerDocument;
  root.replaceChildren();
  if (view.kind !== 'dashboard') {
    root.append(
      h(doc, 'section', { class: 'card notice', 'data-testid': 'notice', 'data-kind': view.kind }, [h(doc, 'h2', {}, [view.title]), h(doc, 'p', {}, [view.message])]),
      toolbar(doc, actions, false),
    );
    return;
  }
  const d = view.dashboard;
  root.append(
    h(doc, 'header', { class: 'head' }, [
      h(doc, 'div', { class: 'ent' }, [d.enterpriseName ?? '（未填写企业名称）']),
      h(doc, 'div', { class: 'muted small' }, [`自评价表 ${d.templateVersion} 版 · 规则 ${d.rulesetVersion}`]),
    ]),
    summary(doc, d),
    problems(doc, d, actions),
    nextTier(doc, d),
    tiers(doc, d),
    scenarios(doc, d),
    indicators(doc, d),
    toolbar(doc, actions, true),
  );
}

/** A message in place of the dashboard (host not Excel, read failure). */
export function renderMessage(root: HTMLElement, title: string, message: string): void {
  const doc = root.ownerDocument;
  root.replaceChildren(h(doc, 'section', { class: 'card notice', 'data-testid': 'notice', 'data-kind': 'error' }, [h(doc, 'h2', {}, [title]), h(doc, 'p', {}, [message])]));
}
