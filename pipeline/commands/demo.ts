// `sfe demo [--n 500] [--seed 1] [--out DIR]`: the main job on a generated province, end to end.
import type { Command } from 'commander';
import type { GlobalOptions } from '../cli.ts';
import { SfeError } from '../errors.ts';

const MAX_N = 20_000;

function parseN(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > MAX_N) throw new SfeError('input/bad-option', `--n 应为 1–${MAX_N} 的整数，当前为「${v}」。`);
  return n;
}

export function registerDemo(program: Command, globals: () => GlobalOptions): void {
  program
    .command('demo')
    .description('演示：生成一个虚构省份的自评价工作簿，导入名单、汇总入库并生成报告')
    .option('--n <n>', '报送企业数', parseN, 500)
    .option('--seed <seed>', '随机种子（相同种子生成相同数据）', '1')
    .option('--out <dir>', '输出目录', 'demo-out')
    .option('--workers <n>', '入库时并行读取的线程数', (v: string) => parseN(v))
    .action(async (opts: { n: number; seed: string; out: string; workers?: number }) => {
      // Loaded here, not at the top: `sfe evaluate` must not pay for DuckDB and ExcelJS at start-up.
      const { demoText, runDemo } = await import('../demo/runDemo.ts');
      const seed = /^\d+$/.test(opts.seed) ? Number(opts.seed) : opts.seed;
      const result = await runDemo({
        n: opts.n,
        seed,
        out: opts.out,
        workers: opts.workers,
        rules: globals().rules,
        say: (line) => process.stdout.write(`${line}\n`),
      });
      process.stdout.write(`${demoText(result)}\n`);
    });
}
