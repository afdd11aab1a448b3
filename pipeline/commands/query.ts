// `sfe query "SQL" [--db FILE] [--format table|csv|json]` and `sfe query --list`: read-only SQL for analysts.
import type { Command } from 'commander';
import type { GlobalOptions } from '../cli.ts';
import { SfeError } from '../errors.ts';
import { displayWidth, formatCsv, formatJson, formatTable, QUERY_FORMATS, type QueryFormat } from '../query/format.ts';

interface QueryOptions {
  readonly db: string;
  readonly format: string;
  readonly list?: boolean;
}

export function registerQuery(program: Command, _globals: () => GlobalOptions): void {
  program
    .command('query [sql]')
    .description('对汇总数据库执行只读 SQL 查询（--list 列出可用的分析视图）')
    .option('--db <file>', '数据库文件', 'sfe.duckdb')
    .option('--format <format>', '输出格式：table | csv | json', 'table')
    .option('--list', '列出视图及其说明')
    .action(async (sql: string | undefined, opts: QueryOptions) => {
      if (!QUERY_FORMATS.includes(opts.format as QueryFormat)) {
        throw new SfeError('query/bad-format', `输出格式「${opts.format}」无效，可选：${QUERY_FORMATS.join('、')}。`);
      }
      if (!opts.list && !sql?.trim()) {
        throw new SfeError('query/no-sql', '请提供要执行的 SQL，例如：sfe query "SELECT * FROM stats_by_city"；或用 --list 查看可用视图。');
      }
      // Loaded here, not at the top: `sfe evaluate` must not pay for DuckDB at start-up.
      const [{ openReadOnly }, { listViews, runQuery }] = await Promise.all([import('../query/openReadOnly.ts'), import('../query/runQuery.ts')]);
      const db = await openReadOnly(opts.db);
      try {
        if (opts.list) {
          const views = await listViews(db.conn);
          if (opts.format === 'json') {
            process.stdout.write(formatJson(views.map((v) => ({ ...v }))));
          } else {
            const w = Math.max(...views.map((v) => displayWidth(v.name)));
            process.stdout.write(`${views.map((v) => `${v.name}${' '.repeat(w - displayWidth(v.name))}  ${v.description}`).join('\n')}\n`);
          }
          return;
        }
        const { columns, rows } = await runQuery(db.conn, sql ?? '');
        const format = opts.format as QueryFormat;
        process.stdout.write(format === 'json' ? formatJson(rows) : format === 'csv' ? formatCsv(columns, rows) : `${formatTable(columns, rows)}\n`);
      } finally {
        db.close();
      }
    });
}
