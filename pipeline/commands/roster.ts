// `sfe roster import FILE.csv|FILE.xlsx [--db FILE] [--json]`: the list of enterprises expected to return.
import type { Command } from 'commander';
import type { GlobalOptions } from '../cli.ts';

export function registerRoster(program: Command, _globals: () => GlobalOptions): void {
  const roster = program.command('roster').description('名单（应报送企业清单）管理');
  roster
    .command('import <file>')
    .description('导入名单（CSV：UTF-8/GBK，带或不带 BOM；或 .xlsx），替换数据库中原有名单')
    .option('--db <file>', '数据库文件', 'sfe.duckdb')
    .option('--json', '以 JSON 输出')
    .action(async (file: string, opts: { db: string; json?: boolean }) => {
      // Loaded here, not at the top: `sfe evaluate` must not pay for DuckDB and ExcelJS at start-up.
      const { importRoster } = await import('../roster/importRoster.ts');
      const r = await importRoster(file, opts.db);
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
        return;
      }
      const lines = [
        `已导入名单 ${r.imported} 家企业${r.encoding ? `（文件编码 ${r.encoding.toUpperCase()}）` : ''}。`,
        `对照已入库报送：已报送 ${r.returned}，未报送 ${r.missing}，名单外报送 ${r.unexpected}。`,
        ...r.problems.slice(0, 20).map((p) => `  注意：${p.message}`),
      ];
      if (r.problems.length > 20) lines.push(`  ……另有 ${r.problems.length - 20} 条问题未显示（共 ${r.problems.length} 条）。`);
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
