// Score stage: the core's evaluateRaw (the single scoring path) plus the check of the workbook's cached
// results. Every finding is placed at its cell.
import { evaluateRaw, type Answers, type Evaluation, type Ruleset } from '../../core/index.ts';
import { pipelineFinding, placeFinding, type FindingRow } from '../ingest/FindingRow.ts';
import type { ParsedWorkbook } from '../parse/parseWorkbook.ts';
import type { WorkbookReading } from '../read/WorkbookReading.ts';
import { cachedResultsOf, compareCached, type CachedMismatch, type CachedResults } from './cachedResults.ts';

export interface ScoredWorkbook {
  readonly answers: Answers;
  readonly evaluation: Evaluation;
  readonly cached: CachedResults;
  readonly cachedMismatch: readonly CachedMismatch[];
  readonly findings: readonly FindingRow[];
}

export function scoreWorkbook(parsed: ParsedWorkbook, reading: WorkbookReading, ruleset: Ruleset): ScoredWorkbook {
  const { answers, evaluation } = evaluateRaw(parsed.raw, ruleset);
  const locate = (field: string) => reading.cells.get(field)?.location ?? reading.definedNames.get(field) ?? null;
  const cached = cachedResultsOf((f) => reading.cells.get(f)?.reading);
  const cachedMismatch = compareCached(cached, evaluation);
  const findings = [
    ...evaluation.issues.map((f) => placeFinding(f, locate)),
    ...cachedMismatch.map((m) =>
      pipelineFinding('result/cached-mismatch', m.field, locate(m.field), { label: m.label, cached: m.cached, computed: m.computed }, m.cached),
    ),
  ];
  return { answers, evaluation, cached, cachedMismatch, findings };
}
