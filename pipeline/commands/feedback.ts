// `sfe feedback [--db FILE] [--out DIR] [--uscc CODE]`: a PDF-ready feedback page for each current return.
import type { Command } from 'commander';
import { openForAnalysis } from '../analytics/openForAnalysis.ts';
import type { GlobalOptions } from '../cli.ts';
import { writeFeedback } from '../feedback/writeFeedback.ts';

interface FeedbackOptions {
  readonly db: string;
  readonly out: string;
  readonly uscc?: string;
}

export function registerFeedback(program: Command, _globals: () => GlobalOptions): void {
  program
    .command('feedback')
    .description('为每家企业（或 --uscc 指定的一家）生成自评价反馈（可打印为 PDF 的 HTML）')
    .option('--db <file>', '数据库文件', 'sfe.duckdb')
    .option('--out <dir>', '输出目录', 'feedback')
    .option('--uscc <code>', '只生成这一家企业（统一社会信用代码）')
    .action(async (opts: FeedbackOptions) => {
      const db = await openForAnalysis(opts.db);
      try {
        const files = await writeFeedback(db.conn, opts.out, opts.uscc?.trim().toUpperCase() ?? null);
        process.stdout.write(`已生成 ${files.length} 份企业反馈，位于「${opts.out}」。${files.length === 1 ? `\n  ${files[0]}` : ''}\n`);
      } finally {
        db.close();
      }
    });
}
