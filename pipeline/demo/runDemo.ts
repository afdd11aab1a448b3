// `sfe demo`: the whole product on a generated province. A corpus of returned workbooks (with the trouble a
// real province sends), the roster, ingest, the report, and a Chinese account of what happened.
import { existsSync, readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { openForAnalysis } from '../analytics/openForAnalysis.ts';
import { SfeError } from '../errors.ts';
import { writeFeedback } from '../feedback/writeFeedback.ts';
import { ingest } from '../ingest/ingest.ts';
import type { IngestSummary } from '../ingest/summary.ts';
import { writeReport, type ReportFiles } from '../report/writeReport.ts';
import { importRoster, type RosterImport } from '../roster/importRoster.ts';
import { MANIFEST_JSON, RETURNS_DIR, ROSTER_CSV, ROSTER_GBK_CSV, writeCorpus, type CorpusManifest } from '../corpus/writeCorpus.ts';

export interface DemoOptions {
  readonly n: number;
  readonly seed: number | string;
  readonly out: string;
  readonly workers?: number;
  readonly rules?: string;
  /** Progress lines as each step starts (Chinese). */
  readonly say?: (line: string) => void;
}

export interface DemoResult {
  readonly out: string;
  readonly db: string;
  readonly manifest: CorpusManifest;
  readonly roster: RosterImport;
  readonly ingest: IngestSummary;
  readonly report: ReportFiles;
  /** One feedback page per current return. */
  readonly feedback: readonly string[];
  readonly feedbackDir: string;
}

export const DEMO_DB = 'sfe.duckdb';
export const DEMO_REPORT_DIR = 'report';
export const DEMO_FEEDBACK_DIR = 'feedback';
/** What a previous demo leaves in its folder (and a rerun replaces). */
const DEMO_ENTRIES = new Set([RETURNS_DIR, ROSTER_CSV, ROSTER_GBK_CSV, MANIFEST_JSON, DEMO_DB, `${DEMO_DB}.wal`, DEMO_REPORT_DIR, DEMO_FEEDBACK_DIR]);

/** An output folder is reused only when empty or when it holds nothing but an earlier demo. */
async function prepareOut(out: string): Promise<void> {
  if (!existsSync(out)) return;
  const entries = readdirSync(out);
  const foreign = entries.filter((e) => !DEMO_ENTRIES.has(e));
  if (foreign.length > 0) {
    throw new SfeError('demo/out-not-empty', `输出目录「${out}」中已有其他文件（如「${foreign[0]}」），为避免误删，请换一个空目录或用 --out 指定。`);
  }
  for (const e of entries) await rm(join(out, e), { recursive: true, force: true });
}

export async function runDemo(o: DemoOptions): Promise<DemoResult> {
  const say = o.say ?? (() => undefined);
  const out = resolve(o.out);
  await prepareOut(out);
  const db = join(out, DEMO_DB);

  say(`① 生成演示数据：${o.n} 家虚构企业的自评价工作簿（随机种子 ${o.seed}）……`);
  const manifest = await writeCorpus({ n: o.n, seed: o.seed, outDir: out, trouble: true, badFiles: true });

  say('② 导入名单（应报送企业清单）……');
  const roster = await importRoster(join(out, ROSTER_CSV), db);

  say('③ 汇总入库：校验、重新计分、去重……');
  const summary = await ingest({ paths: [join(out, RETURNS_DIR)], db, workers: o.workers, rules: o.rules });

  say('④ 生成汇总分析报告和企业反馈……');
  const conn = await openForAnalysis(db);
  const feedbackDir = join(out, DEMO_FEEDBACK_DIR);
  let report: ReportFiles;
  let feedback: string[];
  try {
    report = await writeReport(conn.conn, join(out, DEMO_REPORT_DIR), { city: null, industry: null });
    feedback = await writeFeedback(conn.conn, feedbackDir, null);
  } finally {
    conn.close();
  }
  return { out, db, manifest, roster, ingest: summary, report, feedback, feedbackDir };
}

/** The closing account, in Chinese: what was generated, what the ingest made of it, and what to open first. */
export function demoText(r: DemoResult): string {
  const m = r.manifest;
  const planted = m.files.filter((f) => f.planted.length > 0).length;
  const s = r.ingest;
  const o = s.outcomes;
  const lines = [
    '',
    '演示完成。',
    `生成：${m.files.length} 个文件（${m.n} 家企业报送的工作簿，其中 ${planted} 份特意埋入了填报问题；` +
      `另有重复报送、同一文件的副本和 ${m.counts.rejected} 个无法接收的文件），名单 ${m.rosterSize} 家，其中 ${m.neverReturned.length} 家从未报送。`,
    `入库：接收 ${o.accepted}，有警告接收 ${o.accepted_with_warnings}，替换先前报送 ${o.replaced}，重复文件 ${o.duplicate}，拒收 ${o.rejected}；` +
      `当前有效报送企业 ${s.currentEnterprises} 家。`,
  ];
  if (s.roster) {
    // "Missing" is judged on what was stored: an enterprise whose only files were rejected, or whose code was
    // mistyped in its workbook, is missing too although it sent something.
    const sentButMissing = s.roster.missing - m.neverReturned.length;
    const why = sentButMissing > 0 ? `（其中 ${m.neverReturned.length} 家从未报送，${sentButMissing} 家的文件均被拒收或信用代码填写有误）` : '';
    lines.push(`名单对照：已报送 ${s.roster.returned}，未报送 ${s.roster.missing}${why}，名单外报送 ${s.roster.unexpected}。`);
  }
  lines.push(
    '',
    `请先打开报告：${r.report.html}`,
    `汇总工作簿：${r.report.workbook}`,
    `企业反馈：${r.feedback.length} 份，位于 ${r.feedbackDir}（每家企业一页，可打印为 PDF）`,
    `数据库：${r.db}（可用 sfe query --db "${r.db}" 查询）`,
    `收到的工作簿：${join(r.out, RETURNS_DIR)}（可用 Excel/WPS 打开任意一份查看）`,
    `演示数据清单（每个文件应得的处理结果）：${join(r.out, MANIFEST_JSON)}`,
  );
  return lines.join('\n');
}
