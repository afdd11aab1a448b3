// `sfe ingest --json` writes its summary piece by piece; the text must be exactly what JSON.stringify prints.
import { describe, expect, it } from 'vitest';
import type { IngestSummary } from '../../pipeline/ingest/summary.ts';
import { writeSummaryJson } from '../../pipeline/ingest/summaryJson.ts';

const file = (i: number) => ({
  path: `/data/苏州市/示例企业${i}-自评价表.xlsx`,
  relPath: `苏州市/示例企业${i}-自评价表.xlsx`,
  outcome: i % 3 === 0 ? ('rejected' as const) : ('accepted' as const),
  reasonCode: i % 3 === 0 ? ('file/corrupt-zip' as const) : null,
  message: i % 3 === 0 ? '文件已损坏（"引号"、\n换行、\\ 反斜杠）' : null,
  fileId: i,
  submissionId: i % 3 === 0 ? null : i,
  findings: i % 5,
});

const summary = (n: number): IngestSummary => ({
  runId: 'r-1',
  db: '/tmp/x.duckdb',
  filesFound: n,
  outcomes: { accepted: n, accepted_with_warnings: 0, replaced: 0, rejected: 0, duplicate: 0, unchanged: 0 },
  rejectedByReason: { 'file/corrupt-zip': 1 },
  findings: 3,
  currentEnterprises: n,
  roster: n % 2 ? { size: 10, returned: 5, missing: 5, unexpected: 0 } : null,
  seconds: 1.5,
  files: Array.from({ length: n }, (_, i) => file(i)),
});

async function text(s: IngestSummary): Promise<string> {
  let out = '';
  await writeSummaryJson(s, async (t) => {
    out += t;
  });
  return out;
}

describe('ingest --json summary', () => {
  it.each([0, 1, 2, 7, 3000])('with %i files is byte for byte JSON.stringify(summary, null, 2)', async (n) => {
    const s = summary(n);
    expect(await text(s)).toBe(`${JSON.stringify(s, null, 2)}\n`);
  });
});
