// From a snapshot of the workbook's named values to everything the pane shows. Pure: no Office.js, no DOM,
// so it is tested against a mocked workbook and in the browser alike. Every number comes from the core.
import {
  FIT_LABELS,
  INPUT_FIELDS,
  MATURITY_SHORT,
  NA_CANONICAL,
  RULESET_2025,
  STAGE_KEYS,
  STAGE_LABELS,
  TIER_KEYS,
  TIER_LABELS,
  evaluateRaw,
  fieldsFromAnswers,
  formatInterval,
  investmentAnswer,
  rawAnswersFromFields,
  type Answers,
  type ConditionResult,
  type Evaluation,
  type RawAnswers,
  type RawScalar,
  type Ruleset,
  type Severity,
  type StageKey,
  type TierCondition,
  type TierKey,
} from '../../core/index.ts';
import { fieldLabel } from './fieldLabels.ts';
import { SUPPORTED_TEMPLATE_VERSION, TEMPLATE_ID, compareVersions } from './templateMeta.ts';

/** What the gateway reads from the workbook in one batch. */
export interface WorkbookSnapshot {
  /** `_meta` keys → values; null when the workbook has no `_meta` sheet. */
  readonly meta: Readonly<Record<string, RawScalar>> | null;
  /** Input defined name → the value of its (first) cell, for the names present in the workbook. */
  readonly values: ReadonlyMap<string, RawScalar>;
  /** Defined names present in the workbook (inputs and results): the ones a click can select. */
  readonly names: ReadonlySet<string>;
}

export type PaneView =
  | { readonly kind: 'not-template'; readonly title: string; readonly message: string }
  | { readonly kind: 'unsupported-version'; readonly title: string; readonly message: string; readonly version: string }
  | { readonly kind: 'damaged-template'; readonly title: string; readonly message: string; readonly missing: readonly string[] }
  | { readonly kind: 'dashboard'; readonly dashboard: Dashboard };

export interface Threshold {
  readonly tier: TierKey;
  readonly label: string;
  readonly value: number;
  /** composite > value, as the core decides it (exactly, Reading R3). */
  readonly above: boolean;
}

export interface IndicatorRow {
  readonly id: number;
  readonly name: string;
  readonly level: string;
  readonly score: string;
  readonly band: string;
  readonly fit: string;
  readonly status: 'ok' | 'na' | 'problem' | 'empty' | 'amount';
}

export interface ConditionRow {
  readonly label: string;
  readonly met: boolean;
  readonly advisory: boolean;
}

export interface TierRow {
  readonly tier: TierKey;
  readonly label: string;
  readonly met: boolean;
  readonly conditions: readonly ConditionRow[];
}

export interface ScenarioCountRow {
  readonly tier: TierKey;
  readonly label: string;
  /** 建设场景数: rated at this tier or above. */
  readonly count: number;
  /** Rated exactly at this tier. */
  readonly rated: number;
  readonly required: number;
  readonly stages: readonly { readonly label: string; readonly count: number; readonly required: boolean }[];
}

export interface Problem {
  readonly severity: Severity;
  readonly severityLabel: string;
  readonly message: string;
  readonly code: string;
  /** The defined name of the cell. */
  readonly field: string;
  readonly location: string;
  /** The defined name exists in this workbook, so a click can select it. */
  readonly selectable: boolean;
}

export interface Dashboard {
  readonly enterpriseName: string | null;
  readonly templateVersion: string;
  readonly rulesetVersion: string;
  readonly composite: {
    readonly value: number | null;
    readonly display: string;
    readonly scored: number;
    readonly na: readonly number[];
    readonly incomplete: readonly number[];
    readonly thresholds: readonly Threshold[];
  };
  readonly suggestedTier: string | null;
  readonly referenceTier: string | null;
  readonly nextTier: { readonly label: string; readonly unmet: readonly { readonly message: string; readonly advisory: boolean }[] } | null;
  readonly tiers: readonly TierRow[];
  readonly scenarios: readonly ScenarioCountRow[];
  /** Short column heads for the five stages, with the full names. */
  readonly stageLabels: readonly { readonly short: string; readonly full: string }[];
  readonly indicators: readonly IndicatorRow[];
  readonly problems: readonly Problem[];
  readonly problemCounts: Readonly<Record<Severity, number>>;
  /** The answers as the core's answers JSON (canonical cell values), for export. */
  readonly answersJson: RawAnswers;
  readonly evaluation: Evaluation;
}

// 生产作业 and 生产管理 share their first two characters; a narrow table needs distinct heads.
const STAGE_SHORT: Readonly<Record<StageKey, string>> = { factory: '工厂', rnd: '研发', production: '作业', management: '管理', operations: '运营' };

const SEVERITY_LABELS: Readonly<Record<Severity, string>> = { error: '错误', warning: '提示', info: '说明' };

const metaText = (v: RawScalar): string => (v === null || v === undefined ? '' : String(v).trim());

/** Recognises the official workbook and its version; null when it is one this add-in can evaluate. */
function templateProblem(s: WorkbookSnapshot): PaneView | null {
  const id = s.meta ? metaText(s.meta.template_id) : '';
  if (!s.meta || id !== TEMPLATE_ID) {
    return {
      kind: 'not-template',
      title: '当前工作簿不是自评价表',
      message: '未找到江苏省智能工厂梯度建设自评价表的标识。请打开主管部门下发的《江苏省智能工厂梯度建设自评价表》（.xlsx）后再使用本加载项；自行新建或另存为其他格式的表格无法识别。',
    };
  }
  const version = metaText(s.meta.template_version);
  const cmp = compareVersions(version || '0', SUPPORTED_TEMPLATE_VERSION);
  if (cmp < 0) {
    return {
      kind: 'unsupported-version',
      version,
      title: '模板版本较旧',
      message: `此工作簿是 ${version || '未知'} 版模板，本加载项按 ${SUPPORTED_TEMPLATE_VERSION} 版规则计算，旧版的结果不可靠。请下载 ${SUPPORTED_TEMPLATE_VERSION} 版自评价表，将填写内容转入新表后再使用。`,
    };
  }
  if (cmp > 0) {
    return {
      kind: 'unsupported-version',
      version,
      title: '加载项版本较旧',
      message: `此工作簿是 ${version} 版模板，本加载项只支持 ${SUPPORTED_TEMPLATE_VERSION} 版。请联系主管部门更新加载项后再使用。`,
    };
  }
  const missing = INPUT_FIELDS.filter((n) => !s.values.has(n));
  if (missing.length > 0) {
    return {
      kind: 'damaged-template',
      missing,
      title: '自评价表结构被改动',
      message: `工作簿缺少 ${missing.length} 个填报区域的定义名称（如「${fieldLabel(missing[0] ?? '')}」），可能删除或移动过行列。请使用原始模板重新填写。`,
    };
  }
  return null;
}

function conditionLabel(c: ConditionResult, cond: TierCondition, count: number): string {
  switch (c.key) {
    case 'declarations':
      return '基础要求第1–4条均为「是」';
    case 'composite':
      return '综合得分高于 60 分';
    case 'scenarios':
      return `建设场景数不少于 ${cond.minScenarios} 个（现有 ${count} 个）`;
    case 'stages':
      return `覆盖环节：${cond.stages.map((s) => STAGE_LABELS[s]).join('、')}`;
    case 'maturity':
      return `成熟度达到${MATURITY_SHORT[cond.minMaturity]}及以上`;
    case 'compositeThreshold':
      return `综合得分高于 ${cond.compositeThreshold} 分${c.blocking ? '' : '（建议）'}`;
  }
}

function indicatorRows(answers: Answers, e: Evaluation, ruleset: Ruleset): IndicatorRow[] {
  const errorIds = new Set(e.issues.filter((f) => f.severity === 'error' && f.where.indicator !== undefined).map((f) => f.where.indicator));
  return ruleset.indicators.map((ind): IndicatorRow => {
    if (ind.kind === 'amount') {
      const inv = investmentAnswer(answers);
      const amt = (x: number | null): string => (x === null ? '—' : `${x} 万元`);
      return { id: ind.id, name: ind.name, level: '投入金额', score: amt(inv.investmentTotal), band: `2024年 ${amt(inv.investment2024)}`, fit: '不计分', status: 'amount' };
    }
    const r = e.indicators.find((x) => x.id === ind.id);
    const level = r?.level ?? null;
    const score = r?.score ?? null;
    const status: IndicatorRow['status'] = errorIds.has(ind.id) ? 'problem' : level === 'NA' ? 'na' : level === null ? 'empty' : 'ok';
    return {
      id: ind.id,
      name: ind.name,
      level: level === null ? '—' : level === 'NA' ? NA_CANONICAL : `${level}级`,
      score: score === null || level === 'NA' ? '—' : String(score),
      band: r?.band ? formatInterval(r.band) : '',
      fit: r?.fit ? FIT_LABELS[r.fit] : level === 1 && r?.valid ? '—' : '',
      status,
    };
  });
}

/** Canonical cell values of the answers, as the core's answers JSON (what `sfe evaluate` reads). */
export function answersJson(answers: Answers): RawAnswers {
  const m = fieldsFromAnswers(answers);
  return rawAnswersFromFields((name) => m.get(name) ?? null);
}

export function buildDashboard(s: WorkbookSnapshot, ruleset: Ruleset = RULESET_2025): Dashboard {
  const raw = rawAnswersFromFields((name) => s.values.get(name) ?? null);
  const { answers, evaluation: e } = evaluateRaw(raw, ruleset);
  const rank = (t: TierKey | null): number => (t === null ? -1 : TIER_KEYS.indexOf(t));

  const thresholds = ruleset.tiers.map((c): Threshold => ({
    tier: c.tier,
    label: TIER_LABELS[c.tier],
    value: c.compositeThreshold,
    above: rank(e.suggestedTier) >= rank(c.tier),
  }));

  const tiers = e.tiers.map((t): TierRow => {
    const cond = ruleset.tiers.find((c) => c.tier === t.tier);
    if (!cond) throw new RangeError(`no condition for ${t.tier}`);
    return {
      tier: t.tier,
      label: TIER_LABELS[t.tier],
      met: t.met,
      conditions: t.conditions.map((c) => ({ label: conditionLabel(c, cond, e.scenarioCounts[t.tier]), met: c.met, advisory: !c.blocking })),
    };
  });

  const scenarios = TIER_KEYS.map((t): ScenarioCountRow => {
    const cond = ruleset.tiers.find((c) => c.tier === t);
    return {
      tier: t,
      label: TIER_LABELS[t],
      count: e.scenarioCounts[t],
      rated: e.scenarioRated[t],
      required: cond?.minScenarios ?? 0,
      stages: STAGE_KEYS.map((st) => ({ label: STAGE_LABELS[st], count: e.stageCoverage[t][st], required: cond?.stages.includes(st) ?? false })),
    };
  });

  const problems = e.issues.map((f): Problem => ({
    severity: f.severity,
    severityLabel: SEVERITY_LABELS[f.severity],
    message: f.message,
    code: f.code,
    field: f.where.field,
    location: fieldLabel(f.where.field),
    selectable: s.names.has(f.where.field),
  }));
  const problemCounts = { error: 0, warning: 0, info: 0 };
  for (const p of problems) problemCounts[p.severity] += 1;

  return {
    enterpriseName: answers.enterprise.name,
    templateVersion: metaText(s.meta?.template_version),
    rulesetVersion: ruleset.version,
    composite: {
      value: e.composite,
      display: e.composite === null ? '—' : e.composite.toFixed(2),
      scored: e.compositeDetail.scored.length,
      na: e.compositeDetail.na,
      incomplete: e.compositeDetail.incomplete,
      thresholds,
    },
    suggestedTier: e.suggestedTier === null ? null : TIER_LABELS[e.suggestedTier],
    referenceTier: e.referenceTier === null ? null : TIER_LABELS[e.referenceTier],
    nextTier: e.nextTier === null ? null : { label: TIER_LABELS[e.nextTier], unmet: e.unmet.map((u) => ({ message: u.message, advisory: !u.blocking })) },
    tiers,
    scenarios,
    stageLabels: STAGE_KEYS.map((st) => ({ short: STAGE_SHORT[st], full: STAGE_LABELS[st] })),
    indicators: indicatorRows(answers, e, ruleset),
    problems,
    problemCounts,
    answersJson: answersJson(answers),
    evaluation: e,
  };
}

export function buildView(s: WorkbookSnapshot, ruleset: Ruleset = RULESET_2025): PaneView {
  return templateProblem(s) ?? { kind: 'dashboard', dashboard: buildDashboard(s, ruleset) };
}

/** A file name for the exported answers: the enterprise's name where known. */
export function exportFileName(d: Dashboard): string {
  const name = (d.enterpriseName ?? '未命名企业').replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 60);
  return `自评价答卷_${name}.json`;
}
