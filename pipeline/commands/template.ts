// `sfe template --out FILE`: writes the self-evaluation workbook generated from the ruleset in force.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { loadRuleset } from '../rules/loadRuleset.ts';
import { SfeError } from '../errors.ts';
import { TEMPLATE_VERSION } from '../template/layout.ts';
import type { GlobalOptions } from '../cli.ts';

export function registerTemplate(program: Command, globals: () => GlobalOptions): void {
  program
    .command('template')
    .description('生成江苏省智能工厂梯度建设自评价表（Excel 工作簿，含实时计分公式）')
    .requiredOption('--out <file>', '输出文件路径（.xlsx）')
    .action(async (opts: { out: string }) => {
      if (!/\.xlsx$/i.test(opts.out)) throw new SfeError('template/bad-extension', `输出文件须为 .xlsx：${opts.out}`);
      const ruleset = await loadRuleset(globals().rules);
      // Loaded here, not at the top: `sfe evaluate` must not pay for ExcelJS at start-up.
      const { generateTemplate } = await import('../template/generate.ts');
      const buf = await generateTemplate(ruleset);
      try {
        await mkdir(dirname(opts.out), { recursive: true });
        await writeFile(opts.out, buf);
      } catch (e) {
        throw new SfeError('template/write-failed', `无法写入 ${opts.out}：${(e as Error).message}`, 1);
      }
      process.stdout.write(`已生成自评价表（模板版本 ${TEMPLATE_VERSION}，规则版本 ${ruleset.version}）：${opts.out}\n`);
    });
}
