// `sfe report [--db FILE] [--out DIR] [--city 3205] [--industry 34]`: the HTML report, the summary
// workbook and CSV/Parquet exports of the current results and answers.
import type { Command } from 'commander';
import type { GlobalOptions } from '../cli.ts';

interface ReportOptions {
  readonly db: string;
  readonly out: string;
  readonly city?: string;
  readonly industry?: string;
}

export function registerReport(program: Command, _globals: () => GlobalOptions): void {
  program
    .command('report')
    .description('生成汇总分析报告（HTML）、汇总工作簿（xlsx）及当前结果与答案的 CSV / Parquet 导出')
    .option('--db <file>', '数据库文件', 'sfe.duckdb')
    .option('--out <dir>', '输出目录', 'report')
    .option('--city <code>', '只统计一个设区市（代码如 3205 或名称如 苏州市）')
    .option('--industry <code>', '只统计一个行业大类（代码 13–43）')
    .action(async (opts: ReportOptions) => {
      // Loaded here, not at the top: `sfe evaluate` must not pay for DuckDB, ExcelJS and ECharts at start-up.
      const [{ openForAnalysis }, { writeReport }] = await Promise.all([import('../analytics/openForAnalysis.ts'), import('../report/writeReport.ts')]);
      const db = await openForAnalysis(opts.db);
      try {
        const r = await writeReport(db.conn, opts.out, { city: opts.city ?? null, industry: opts.industry ?? null });
        const lines = [
          `已生成「${r.data.title}」（当前有效答卷 ${r.data.overall.returns} 份）：`,
          `  报告：${r.html}`,
          `  汇总工作簿：${r.workbook}`,
          ...r.exports.map((e) => `  导出 ${e.name}（${e.rows} 行）：${e.csv}、${e.parquet}`),
        ];
        process.stdout.write(`${lines.join('\n')}\n`);
      } finally {
        db.close();
      }
    });
}
