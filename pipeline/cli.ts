// The `sfe` command line. Each command lives in commands/<name>.ts and registers itself here.
import { Command, CommanderError } from 'commander';
import { SfeError } from './errors.ts';
import { registerRules } from './commands/rules.ts';
import { registerEvaluate } from './commands/evaluate.ts';
import { registerFeedback } from './commands/feedback.ts';
import { registerQuery } from './commands/query.ts';
import { registerReport } from './commands/report.ts';
import { registerIngest } from './commands/ingest.ts';
import { registerRoster } from './commands/roster.ts';
import { registerTemplate } from './commands/template.ts';
import { registerDemo } from './commands/demo.ts';

export interface GlobalOptions {
  /** An agency's ruleset override file (JSON). */
  readonly rules?: string;
}

export function buildProgram(): Command {
  const program = new Command('sfe')
    .description('江苏省智能工厂梯度建设自评价工具：规则、工作簿、汇总入库与分析')
    .option('--rules <file>', '主管部门的规则覆盖文件（JSON）')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  const globals = (): GlobalOptions => program.opts<GlobalOptions>();
  registerRules(program, globals);
  registerEvaluate(program, globals);
  registerFeedback(program, globals);
  registerQuery(program, globals);
  registerReport(program, globals);
  registerIngest(program, globals);
  registerRoster(program, globals);
  registerTemplate(program, globals);
  registerDemo(program, globals);
  return program;
}

/** Runs the CLI; returns the process exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof SfeError) {
      process.stderr.write(`错误 [${e.code}]：${e.message}\n`);
      return e.exitCode;
    }
    process.stderr.write(`内部错误 [INTERNAL]：${(e as Error).stack ?? String(e)}\n`);
    return 1;
  }
}
