// Stores generated returns into an ingest database the way the ingest pipeline does (answers → core's
// evaluateRaw → the schema's tables), so the analytics views can be tested before and apart from `sfe ingest`.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import {
  JIANGSU_CITIES, MANUFACTURING_DIVISIONS, RULESET_2025, STAGE_KEYS, TIER_KEYS, evaluateRaw, isInvestment,
  type Answers, type Evaluation, type RawAnswers,
} from '../../../core/index.ts';
import { insertRows, type SqlValue } from '../../../pipeline/store/insertRows.ts';
import { openDb, type Db } from '../../../pipeline/store/openDb.ts';
import type { Corpus } from './corpus.ts';

export interface StoredReturn {
  readonly submissionId: number;
  readonly answers: Answers;
  readonly evaluation: Evaluation;
  readonly current: boolean;
}

const stageOf = RULESET_2025.readings.stageOfScenario;

async function storeOne(conn: DuckDBConnection, id: number, raw: RawAnswers, current: boolean, supersededBy: number | null): Promise<StoredReturn> {
  const { answers, evaluation: ev } = evaluateRaw(raw, RULESET_2025);
  const e = answers.enterprise;
  const city = JIANGSU_CITIES.find((c) => c.code === e.city);
  const county = city?.counties.find((c) => c.code === e.county);
  const industry = MANUFACTURING_DIVISIONS.find((i) => i.code === e.industry);
  const errors = ev.issues.filter((i) => i.severity === 'error').length;
  const warnings = ev.issues.filter((i) => i.severity === 'warning').length;
  await insertRows(conn, 'files', ['file_id', 'run_id', 'path', 'rel_path', 'file_name', 'extension', 'sha256', 'size_bytes', 'mtime', 'outcome', 'reason_code', 'message', 'duplicate_of', 'submission_id', 'ingested_at'], [
    [id, 'run-1', `/in/${id}.xlsx`, `${id}.xlsx`, `${id}.xlsx`, '.xlsx', `sha${id}`, 1000, '2025-06-01 00:00:00', current ? (warnings ? 'accepted_with_warnings' : 'accepted') : 'accepted', null, null, null, id, '2025-06-01 00:00:00'],
  ]);
  await insertRows(conn, 'submissions', ['submission_id', 'file_id', 'run_id', 'uscc', 'name', 'city_code', 'city_name', 'county_code', 'county_name', 'industry_code', 'industry_name', 'scale', 'maturity', 'decl_scale', 'decl_compliance', 'decl_secure', 'decl_organization', 'contact', 'phone', 'fill_date', 'file_mtime', 'template_id', 'template_version', 'ruleset_version', 'located_by', 'is_current', 'superseded_by', 'errors', 'warnings'], [
    [id, id, 'run-1', e.uscc ?? '', e.name ?? '', e.city, city?.name ?? null, e.county, county?.name ?? null, e.industry, industry?.name ?? null, e.scale, e.maturity,
      e.declarations.scale, e.declarations.compliance, e.declarations.secure, e.declarations.organization, e.contact, e.phone, e.fillDate,
      '2025-06-01 00:00:00', 'sfe', '2025.1', ev.rulesetVersion, 'defined-names', current, supersededBy, errors, warnings],
  ]);
  const indRows: SqlValue[][] = answers.indicators.map((a) => {
    if (isInvestment(a)) return [id, 7, null, null, false, null, null, null, true, a.investmentTotal, a.investment2024];
    const r = ev.indicators.find((x) => x.id === a.id);
    return [id, a.id, a.level === null ? null : String(a.level), a.level === 'NA' || a.level === null ? null : a.level, a.level === 'NA', a.score === null ? null : String(a.score), a.score, r?.fit ?? null, r?.valid ?? false, null, null];
  });
  await insertRows(conn, 'indicator_answers', ['submission_id', 'indicator_id', 'raw_level', 'level', 'is_na', 'raw_score', 'score', 'fit', 'valid', 'investment_total', 'investment_2024'], indRows);
  const noDescription = new Set(ev.issues.filter((i) => i.code === 'scenario/tier-without-description').map((i) => i.where.scenario));
  const scRows: SqlValue[][] = answers.scenarios.map((s) => {
    const sc = RULESET_2025.scenarios.find((x) => x.id === s.id);
    return [id, s.id, s.tier, s.tier, noDescription.has(s.id) ? null : s.tier, stageOf[s.id] ?? null, sc?.area ?? null];
  });
  await insertRows(conn, 'scenario_answers', ['submission_id', 'scenario_id', 'raw_tier', 'tier', 'counted_tier', 'stage', 'area'], scRows);
  const met = (t: string): boolean => ev.tiers.find((x) => x.tier === t)?.met ?? false;
  await insertRows(conn, 'results', ['submission_id', 'composite', 'composite_complete', 'suggested_tier', 'reference_tier', 'next_tier', 'met_basic', 'met_advanced', 'met_excellent', 'met_leading', 'count_basic', 'count_advanced', 'count_excellent', 'count_leading', 'rated_basic', 'rated_advanced', 'rated_excellent', 'rated_leading', 'cached_composite', 'cached_suggested_tier', 'cached_reference_tier', 'cached_mismatch'], [
    [id, ev.composite, ev.composite !== null, ev.suggestedTier, ev.referenceTier, ev.nextTier, met('basic'), met('advanced'), met('excellent'), met('leading'),
      ev.scenarioCounts.basic, ev.scenarioCounts.advanced, ev.scenarioCounts.excellent, ev.scenarioCounts.leading,
      ev.scenarioRated.basic, ev.scenarioRated.advanced, ev.scenarioRated.excellent, ev.scenarioRated.leading, null, null, null, false],
  ]);
  await insertRows(conn, 'result_stage_counts', ['submission_id', 'tier', 'stage', 'scenarios'],
    TIER_KEYS.flatMap((t) => STAGE_KEYS.map((s) => [id, t, s, ev.stageCoverage[t][s]])));
  await insertRows(conn, 'unmet_conditions', ['submission_id', 'seq', 'tier', 'code', 'blocking', 'params', 'message'],
    ev.unmet.map((u, i) => [id, i, u.tier, u.code, u.blocking, JSON.stringify(u.params), u.message]));
  await insertRows(conn, 'findings', ['file_id', 'submission_id', 'seq', 'code', 'severity', 'sheet', 'address', 'cell', 'field', 'indicator_id', 'scenario_id', 'raw', 'params', 'message'],
    ev.issues.map((f, i) => [id, id, i, f.code, f.severity, null, null, null, f.where.field, f.where.indicator ?? null, f.where.scenario ?? null, f.raw === undefined || f.raw === null ? null : String(f.raw), JSON.stringify(f.params), f.message]));
  return { submissionId: id, answers, evaluation: ev, current };
}

/** A fresh database file holding the corpus (and its roster); returns what was stored. */
export async function buildFixtureDb(corpus: Corpus, dir = mkdtempSync(join(tmpdir(), 'sfe-analytics-'))): Promise<{ db: Db; file: string; stored: StoredReturn[] }> {
  const file = join(dir, 'sfe.duckdb');
  const db = await openDb(file);
  const stored: StoredReturn[] = [];
  const currentIdOf = new Map<string, number>();
  corpus.returns.forEach((r, i) => { if (r.current) currentIdOf.set(r.uscc, i + 1); });
  await db.conn.run('BEGIN TRANSACTION');
  for (const [i, r] of corpus.returns.entries()) {
    stored.push(await storeOne(db.conn, i + 1, r.raw, r.current, r.current ? null : (currentIdOf.get(r.uscc) ?? null)));
  }
  const cityName = (code: string): string | null => JIANGSU_CITIES.find((c) => c.code === code)?.name ?? null;
  const countyName = (code: string): string | null => JIANGSU_CITIES.flatMap((c) => c.counties).find((c) => c.code === code)?.name ?? null;
  await insertRows(db.conn, 'roster', ['uscc', 'name', 'city_code', 'city_name', 'county_code', 'county_name', 'industry_code', 'source_file', 'imported_at'],
    corpus.roster.map((r) => [r.uscc, r.name, r.city, cityName(r.city), r.county, countyName(r.county), r.industry, 'roster.csv', '2025-06-01 00:00:00']));
  await db.conn.run('COMMIT');
  return { db, file, stored };
}
