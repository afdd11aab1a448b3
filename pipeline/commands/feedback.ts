// `sfe feedback [--db FILE] [--out DIR] [--uscc CODE] [--format html|xlsx]`: feedback for each current return,
// as a PDF-ready page or a workbook.
import type { Command } from 'commander';
import type { GlobalOptions } from '../cli.ts';
import { SfeError } from '../errors.ts';

interface FeedbackOptions {
  readonly db: string;
  readonly out: string;
  readonly uscc?: string;
  readonly format: string;
}

export function registerFeedback(program: Command, _globals: () => GlobalOptions): void {
  program
    .command('feedback')
    .description('为每家企业（或 --uscc 指定的一家）生成自评价反馈（可打印为 PDF 的 HTML，或工作簿）')
    .option('--db <file>', '数据库文件', 'sfe.duckdb')
    .option('--out <dir>', '输出目录', 'feedback')
    .option('--uscc <code>', '只生成这一家企业（统一社会信用代码）')
    .option('--format <format>', '输出格式：html（可打印为 PDF）| xlsx（工作簿）', 'html')
    .action(async (opts: FeedbackOptions) => {
      if (opts.format !== 'html' && opts.format !== 'xlsx') {
        throw new SfeError('feedback/bad-format', `输出格式「${opts.format}」无效，可选：html、xlsx。`);
      }
      // Loaded here, not at the top: `sfe evaluate` must not pay for DuckDB and ExcelJS at start-up.
      const [{ openForAnalysis }, { writeFeedback }] = await Promise.all([import('../analytics/openForAnalysis.ts'), import('../feedback/writeFeedback.ts')]);
      const db = await openForAnalysis(opts.db);
      try {
        const files = await writeFeedback(db.conn, opts.out, opts.uscc?.trim().toUpperCase() ?? null, new Date(), opts.format);
        process.stdout.write(`已生成 ${files.length} 份企业反馈，位于「${opts.out}」。${files.length === 1 ? `\n  ${files[0]}` : ''}\n`);
      } finally {
        db.close();
      }
    });
}
