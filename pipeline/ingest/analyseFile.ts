// Read → parse → score for one file's bytes: what a pool worker does, and what `sfe evaluate` does for a
// workbook. Never throws: every failure becomes a rejection with its code.
import { createHash } from 'node:crypto';
import { FIELD, INPUT_FIELDS, RESULT_FIELDS, type Ruleset } from '../../core/index.ts';
import { parseWorkbook } from '../parse/parseWorkbook.ts';
import { readWorkbookFast } from '../read/fastReader.ts';
import type { CellLocation } from '../read/cellRef.ts';
import { ReadError } from '../read/ReadError.ts';
import { assertZip } from '../read/sniff.ts';
import { knownCellMaps } from '../read/templateInfo.ts';
import type { WorkbookReader } from '../read/WorkbookReading.ts';
import { scoreWorkbook, type ScoredWorkbook } from '../score/scoreWorkbook.ts';
import type { FindingRow } from './FindingRow.ts';
import { rejectionFinding } from './FindingRow.ts';
import type { RejectionCode } from './Outcome.ts';

export interface AcceptedAnalysis {
  readonly status: 'ok';
  readonly sha256: string;
  readonly templateVersion: string | null;
  readonly rulesetVersionInFile: string | null;
  readonly locatedBy: 'defined-names' | 'cell-map';
  readonly scored: ScoredWorkbook;
  /** The raw cell values of the inputs, as read (for the answers tables). */
  readonly rawCells: Readonly<Record<string, string | number | boolean | null>>;
  /** Where the enterprise name is, for identity findings the writer adds. */
  readonly nameLocation: CellLocation | null;
  readonly findings: readonly FindingRow[];
}

export interface RejectedAnalysis {
  readonly status: 'rejected';
  /** Null only when the file could not be read at all. */
  readonly sha256: string | null;
  readonly reasonCode: RejectionCode;
  readonly message: string;
  readonly stack?: string;
  readonly findings: readonly FindingRow[];
  /** Identity-missing workbooks are still scored, so `sfe evaluate` can show the enterprise its results. */
  readonly scored?: ScoredWorkbook;
}

export type FileAnalysis = AcceptedAnalysis | RejectedAnalysis;

export const READ_FIELDS: readonly string[] = [...INPUT_FIELDS, ...RESULT_FIELDS];

export async function analyseBytes(bytes: Buffer, fileName: string, ruleset: Ruleset, reader: WorkbookReader = readWorkbookFast): Promise<FileAnalysis> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  try {
    assertZip(bytes, fileName);
    const reading = await reader(bytes, { fields: READ_FIELDS, cellMaps: knownCellMaps() });
    const parsed = parseWorkbook(reading);
    const scored = scoreWorkbook(parsed, reading, ruleset);
    const e = scored.answers.enterprise;
    if (e.name === null || e.uscc === null) {
      const missing = [e.name === null ? '企业名称' : null, e.uscc === null ? '统一社会信用代码' : null].filter(Boolean).join('、');
      const message = `${missing}未填写，无法确认报送企业；请补充后重新报送。`;
      return {
        status: 'rejected', sha256, reasonCode: 'file/identity-missing', message,
        findings: [rejectionFinding('file/identity-missing', message), ...scored.findings], scored,
      };
    }
    const rawCells: Record<string, string | number | boolean | null> = {};
    for (const f of INPUT_FIELDS) {
      const r = reading.cells.get(f)?.reading;
      rawCells[f] = r && 'value' in r ? r.value : null;
    }
    return {
      status: 'ok', sha256, templateVersion: parsed.templateVersion, rulesetVersionInFile: parsed.rulesetVersion,
      locatedBy: parsed.locatedBy, scored, rawCells, nameLocation: reading.cells.get(FIELD.name)?.location ?? null, findings: scored.findings,
    };
  } catch (e) {
    if (e instanceof ReadError) return { status: 'rejected', sha256, reasonCode: e.code, message: e.message, findings: [rejectionFinding(e.code, e.message)] };
    const err = e as Error;
    const message = `处理该文件时发生内部错误（${err.message}），已记录，其他文件继续处理。`;
    return { status: 'rejected', sha256, reasonCode: 'INTERNAL', message, stack: err.stack ?? String(e), findings: [rejectionFinding('INTERNAL', message)] };
  }
}
