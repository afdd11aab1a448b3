// A finding as stored and printed: the core's finding (or the pipeline's) placed at its cell.
import type { Finding, Params, Severity } from '../../core/index.ts';
import { cellLabel, type CellLocation } from '../read/cellRef.ts';
import { PIPELINE_FINDING_MESSAGES_ZH, PIPELINE_FINDING_SEVERITY, type PipelineFindingCode } from '../parse/pipelineFindings.ts';

export interface FindingRow {
  readonly code: string;
  readonly severity: Severity;
  readonly sheet: string | null;
  readonly address: string | null;
  /** 数字化转型自评价!E9 */
  readonly cell: string | null;
  readonly field: string | null;
  readonly indicator: number | null;
  readonly scenario: number | null;
  readonly raw: string | null;
  readonly params: Params;
  readonly message: string;
}

const rawText = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

export function placeFinding(f: Finding, locate: (field: string) => CellLocation | null): FindingRow {
  const loc = locate(f.where.field);
  return {
    code: f.code,
    severity: f.severity,
    sheet: loc?.sheet ?? null,
    address: loc?.address ?? null,
    cell: loc ? cellLabel(loc) : null,
    field: f.where.field,
    indicator: f.where.indicator ?? null,
    scenario: f.where.scenario ?? null,
    raw: rawText(f.raw),
    params: f.params,
    message: f.message,
  };
}

export function pipelineFinding(code: PipelineFindingCode, field: string | null, loc: CellLocation | null, params: Params, raw: unknown = null): FindingRow {
  return {
    code,
    severity: PIPELINE_FINDING_SEVERITY[code],
    sheet: loc?.sheet ?? null,
    address: loc?.address ?? null,
    cell: loc ? cellLabel(loc) : null,
    field,
    indicator: null,
    scenario: null,
    raw: rawText(raw),
    params,
    message: PIPELINE_FINDING_MESSAGES_ZH[code](params),
  };
}

/** The file-level finding of a rejected file. */
export function rejectionFinding(code: string, message: string): FindingRow {
  return { code, severity: 'error', sheet: null, address: null, cell: null, field: null, indicator: null, scenario: null, raw: null, params: {}, message };
}
