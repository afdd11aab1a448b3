// Table rows for one accepted workbook, built from the core's answers and evaluation. Pure: the writer
// decides ids and current/superseded, this decides columns.
import {
  cityOf, countyOf, FIELD, isInvestment, MANUFACTURING_DIVISIONS, STAGE_KEYS, TIER_KEYS,
  type Answers, type Evaluation, type Ruleset,
} from '../../core/index.ts';
import type { FindingRow } from '../ingest/FindingRow.ts';
import type { SqlValue } from './insertRows.ts';

export const toTimestamp = (ms: number): string => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

export const SUBMISSION_COLUMNS = [
  'submission_id', 'file_id', 'run_id', 'uscc', 'name', 'city_code', 'city_name', 'county_code', 'county_name',
  'industry_code', 'industry_name', 'scale', 'maturity', 'decl_scale', 'decl_compliance', 'decl_secure',
  'decl_organization', 'contact', 'phone', 'fill_date', 'file_mtime', 'template_id', 'template_version',
  'ruleset_version', 'located_by', 'is_current', 'superseded_by', 'errors', 'warnings',
] as const;

export interface SubmissionInput {
  readonly submissionId: number;
  readonly fileId: number;
  readonly runId: string;
  readonly answers: Answers;
  readonly mtimeMs: number;
  readonly templateId: string;
  readonly templateVersion: string | null;
  readonly rulesetVersion: string;
  readonly locatedBy: string;
  readonly isCurrent: boolean;
  readonly supersededBy: number | null;
  readonly findings: readonly FindingRow[];
}

export function submissionRow(s: SubmissionInput): SqlValue[] {
  const e = s.answers.enterprise;
  const industry = MANUFACTURING_DIVISIONS.find((i) => i.code === e.industry);
  const d = e.declarations;
  return [
    s.submissionId, s.fileId, s.runId, e.uscc, e.name,
    e.city, e.city ? (cityOf(e.city)?.name ?? null) : null,
    e.county, e.county ? (countyOf(e.county)?.name ?? null) : null,
    e.industry, industry?.name ?? null, e.scale, e.maturity,
    d.scale, d.compliance, d.secure, d.organization, e.contact, e.phone,
    e.fillDate, toTimestamp(s.mtimeMs), s.templateId, s.templateVersion, s.rulesetVersion, s.locatedBy,
    s.isCurrent, s.supersededBy,
    s.findings.filter((f) => f.severity === 'error').length,
    s.findings.filter((f) => f.severity === 'warning').length,
  ];
}

export const INDICATOR_COLUMNS = ['submission_id', 'indicator_id', 'raw_level', 'level', 'is_na', 'raw_score', 'score', 'fit', 'valid', 'investment_total', 'investment_2024'] as const;

export function indicatorRows(id: number, answers: Answers, ev: Evaluation, rawCells: Readonly<Record<string, unknown>>): SqlValue[][] {
  return answers.indicators.map((a) => {
    if (isInvestment(a)) {
      return [id, 7, null, null, false, null, null, null, true, a.investmentTotal, a.investment2024];
    }
    const r = ev.indicators.find((x) => x.id === a.id);
    return [
      id, a.id, text(rawCells[FIELD.level(a.id)]), typeof a.level === 'number' ? a.level : null, a.level === 'NA',
      text(rawCells[FIELD.score(a.id)]), a.score, r?.fit ?? null, r?.valid ?? false, null, null,
    ];
  });
}

export const SCENARIO_COLUMNS = ['submission_id', 'scenario_id', 'raw_tier', 'tier', 'counted_tier', 'stage', 'area'] as const;

export function scenarioRows(id: number, answers: Answers, ev: Evaluation, ruleset: Ruleset, rawCells: Readonly<Record<string, unknown>>): SqlValue[][] {
  const notCounted = new Set(ev.issues.filter((f) => f.code === 'scenario/tier-without-description').map((f) => f.where.scenario));
  return answers.scenarios.map((s) => [
    id, s.id, text(rawCells[FIELD.tier(s.id)]), s.tier, notCounted.has(s.id) ? null : s.tier,
    ruleset.readings.stageOfScenario[s.id] ?? null, ruleset.scenarios.find((x) => x.id === s.id)?.area ?? null,
  ]);
}

export const RESULT_COLUMNS = [
  'submission_id', 'composite', 'composite_complete', 'suggested_tier', 'reference_tier', 'next_tier',
  'met_basic', 'met_advanced', 'met_excellent', 'met_leading',
  'count_basic', 'count_advanced', 'count_excellent', 'count_leading',
  'rated_basic', 'rated_advanced', 'rated_excellent', 'rated_leading',
  'cached_composite', 'cached_suggested_tier', 'cached_reference_tier', 'cached_mismatch',
] as const;

export interface CachedForRow {
  readonly composite: number | null;
  readonly suggestedTier: string | null;
  readonly referenceTier: string | null;
  readonly mismatch: boolean;
}

export function resultRow(id: number, ev: Evaluation, cached: CachedForRow): SqlValue[] {
  const met = (t: string): boolean => ev.tiers.find((x) => x.tier === t)?.met ?? false;
  return [
    id, ev.composite, ev.composite !== null, ev.suggestedTier, ev.referenceTier, ev.nextTier,
    ...TIER_KEYS.map(met), ...TIER_KEYS.map((t) => ev.scenarioCounts[t]), ...TIER_KEYS.map((t) => ev.scenarioRated[t]),
    cached.composite, cached.suggestedTier, cached.referenceTier, cached.mismatch,
  ];
}

export const STAGE_COUNT_COLUMNS = ['submission_id', 'tier', 'stage', 'scenarios'] as const;

export const stageCountRows = (id: number, ev: Evaluation): SqlValue[][] =>
  TIER_KEYS.flatMap((t) => STAGE_KEYS.map((s) => [id, t, s, ev.stageCoverage[t][s]]));

export const UNMET_COLUMNS = ['submission_id', 'seq', 'tier', 'code', 'blocking', 'params', 'message'] as const;

export const unmetRows = (id: number, ev: Evaluation): SqlValue[][] =>
  ev.unmet.map((u, i) => [id, i + 1, u.tier, u.code, u.blocking, JSON.stringify(u.params), u.message]);

export const FINDING_COLUMNS = ['file_id', 'submission_id', 'seq', 'code', 'severity', 'sheet', 'address', 'cell', 'field', 'indicator_id', 'scenario_id', 'raw', 'params', 'message'] as const;

export const findingRows = (fileId: number, submissionId: number | null, findings: readonly FindingRow[]): SqlValue[][] =>
  findings.map((f, i) => [fileId, submissionId, i + 1, f.code, f.severity, f.sheet, f.address, f.cell, f.field, f.indicator, f.scenario, f.raw, JSON.stringify(f.params), f.message]);

export const FILE_COLUMNS = ['file_id', 'run_id', 'path', 'rel_path', 'file_name', 'extension', 'sha256', 'size_bytes', 'mtime', 'outcome', 'reason_code', 'message', 'duplicate_of', 'submission_id', 'ingested_at'] as const;
