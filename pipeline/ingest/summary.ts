// The run's summary: counts per outcome and rejection reason, findings, current enterprises and roster
// coverage; printed in Chinese or as JSON.
import { OUTCOME_LABELS_ZH, REJECTION_LABELS_ZH, type Outcome, type RejectionCode } from './Outcome.ts';
import type { FileReport } from '../store/Writer.ts';

export interface IngestSummary {
  readonly runId: string;
  readonly db: string;
  readonly filesFound: number;
  readonly outcomes: Readonly<Record<Outcome | 'unchanged', number>>;
  readonly rejectedByReason: Readonly<Record<string, number>>;
  readonly findings: number;
  readonly currentEnterprises: number;
  readonly roster: { readonly size: number; readonly returned: number; readonly missing: number; readonly unexpected: number } | null;
  readonly seconds: number;
  readonly files: readonly FileReport[];
}

export function countOutcomes(reports: readonly FileReport[]): { outcomes: Record<Outcome | 'unchanged', number>; rejectedByReason: Record<string, number>; findings: number } {
  const outcomes: Record<Outcome | 'unchanged', number> = { accepted: 0, accepted_with_warnings: 0, replaced: 0, rejected: 0, duplicate: 0, unchanged: 0 };
  const rejectedByReason: Record<string, number> = {};
  let findings = 0;
  for (const r of reports) {
    outcomes[r.outcome] += 1;
    findings += r.findings;
    if (r.reasonCode) rejectedByReason[r.reasonCode] = (rejectedByReason[r.reasonCode] ?? 0) + 1;
  }
  return { outcomes, rejectedByReason, findings };
}

export function summaryText(s: IngestSummary): string {
  const o = s.outcomes;
  const lines = [
    `汇总入库完成：共发现 ${s.filesFound} 个文件，用时 ${s.seconds.toFixed(1)} 秒。`,
    `  ${OUTCOME_LABELS_ZH.accepted}：${o.accepted}`,
    `  ${OUTCOME_LABELS_ZH.accepted_with_warnings}：${o.accepted_with_warnings}`,
    `  ${OUTCOME_LABELS_ZH.replaced}：${o.replaced}`,
    `  ${OUTCOME_LABELS_ZH.duplicate}：${o.duplicate}`,
    `  ${OUTCOME_LABELS_ZH.rejected}：${o.rejected}`,
  ];
  for (const [code, n] of Object.entries(s.rejectedByReason).sort()) {
    lines.push(`    - ${REJECTION_LABELS_ZH[code as RejectionCode] ?? code}（${code}）：${n}`);
  }
  if (o.unchanged) lines.push(`  此前已入库、本次跳过：${o.unchanged}`);
  lines.push(`发现问题 ${s.findings} 条（见数据库 findings 表）。`);
  lines.push(`当前有效报送企业：${s.currentEnterprises} 家。`);
  if (s.roster) {
    lines.push(`名单 ${s.roster.size} 家：已报送 ${s.roster.returned}，未报送 ${s.roster.missing}，名单外报送 ${s.roster.unexpected}。`);
  }
  lines.push(`数据库：${s.db}（本次运行编号 ${s.runId}）`);
  return lines.join('\n');
}
