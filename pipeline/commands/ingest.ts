// `sfe ingest PATH… [--db FILE] [--workers N] [--json]`: a folder of returned workbooks into DuckDB.
import { Option, type Command } from 'commander';
import { SfeError } from '../errors.ts';
import { defaultWorkers } from '../ingest/defaultWorkers.ts';
import { fileEvaluators } from './evaluate.ts';
import { summaryText } from '../ingest/summary.ts';
import { streamWrite, writeSummaryJson } from '../ingest/summaryJson.ts';
import type { GlobalOptions } from '../cli.ts';

const positiveInt = (name: string) => (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new SfeError('input/bad-option', `${name} 应为正整数，当前为「${v}」。`);
  return n;
};

export function registerIngest(program: Command, globals: () => GlobalOptions): void {
  // `sfe evaluate` of a workbook goes through the ingest's own read/parse/score path.
  for (const ext of ['.xlsx', '.xlsm']) fileEvaluators.set(ext, async (file, g) => (await import('../ingest/evaluateWorkbook.ts')).evaluateWorkbookFile(file, g.rules));
  program
    .command('ingest <paths...>')
    .description('将收到的自评价工作簿（文件或文件夹，递归）校验、重新计分后汇总入库（DuckDB）')
    .option('--db <file>', '数据库文件', 'sfe.duckdb')
    .option('--workers <n>', `并行读取的线程数（默认 CPU 数 − 1，本机为 ${defaultWorkers()}）`, positiveInt('--workers'))
    .option('--json', '以 JSON 输出汇总')
    .addOption(new Option('--batch-size <n>', '每个事务写入的文件数').argParser(positiveInt('--batch-size')).hideHelp())
    .action(async (paths: string[], opts: { db: string; workers?: number; json?: boolean; batchSize?: number }) => {
      // Loaded here, not at the top: `sfe evaluate` must not pay for DuckDB and the worker pool at start-up.
      const { ingest } = await import('../ingest/ingest.ts');
      const summary = await ingest({ paths, db: opts.db, workers: opts.workers, rules: globals().rules, batchSize: opts.batchSize });
      if (opts.json) await writeSummaryJson(summary, streamWrite(process.stdout));
      else process.stdout.write(`${summaryText(summary)}\n`);
    });
}
