// `sfe evaluate FILE [--json]`: one enterprise's answers (answers JSON, or a filled workbook) through the core.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { z } from 'zod';
import { RawAnswersSchema, TIER_LABELS, evaluateRaw, type Evaluation, type RawAnswers } from '../../core/index.ts';
import { SfeError } from '../errors.ts';
import { loadRuleset } from '../rules/loadRuleset.ts';
import type { GlobalOptions } from '../cli.ts';

export async function readAnswersJson(file: string): Promise<RawAnswers> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new SfeError('input/unreadable-file', `无法读取文件「${file}」，请检查路径。`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new SfeError('input/bad-json', `「${file}」不是有效的 JSON：${(e as Error).message}`);
  }
  const parsed = RawAnswersSchema.safeParse(json, { error: z.locales.zhCN().localeError });
  if (!parsed.success) {
    const where = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(根)'}：${i.message}`);
    throw new SfeError('input/bad-shape', `「${file}」的结构不符合答卷格式：${where.join('；')}`);
  }
  return parsed.data;
}

const tierName = (t: string | null): string => (t === null ? '未达到' : (TIER_LABELS as Record<string, string>)[t] ?? t);

export function evaluationText(e: Evaluation): string {
  const lines = [
    `综合得分：${e.composite === null ? '暂无法计算' : e.composite.toFixed(2)}`,
    `建议开展的场景自评等级：${tierName(e.suggestedTier)}`,
    `建设场景数（该等级及以上）：基础级 ${e.scenarioCounts.basic}，先进级 ${e.scenarioCounts.advanced}，卓越级 ${e.scenarioCounts.excellent}，领航级 ${e.scenarioCounts.leading}`,
    `参考等级：${tierName(e.referenceTier)}`,
  ];
  if (e.nextTier) {
    lines.push(`距${tierName(e.nextTier)}还差：`);
    for (const u of e.unmet) lines.push(`  - ${u.message}`);
  }
  if (e.issues.length) {
    lines.push(`问题（${e.issues.length}）：`);
    for (const i of e.issues) lines.push(`  [${i.severity === 'error' ? '错误' : '提示'}] ${i.where.field} ${i.message} (${i.code})`);
  }
  return lines.join('\n');
}

/** Evaluators for other file kinds register here (the workbook reader adds .xlsx/.xlsm). */
export type FileEvaluator = (file: string, globals: GlobalOptions) => Promise<unknown>;
export const fileEvaluators = new Map<string, FileEvaluator>();

export function registerEvaluate(program: Command, globals: () => GlobalOptions): void {
  program
    .command('evaluate <file>')
    .description('评价一份答卷（答卷 JSON 或已填写的自评价工作簿），输出得分、等级与问题')
    .option('--json', '以 JSON 输出')
    .action(async (file: string, opts: { json?: boolean }) => {
      const ext = /\.[^.]+$/.exec(file.toLowerCase())?.[0] ?? '';
      const custom = fileEvaluators.get(ext);
      if (custom) {
        const out = await custom(file, globals());
        process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
        return;
      }
      const ruleset = await loadRuleset(globals().rules);
      const raw = await readAnswersJson(file);
      const { answers, evaluation } = evaluateRaw(raw, ruleset);
      process.stdout.write(opts.json ? `${JSON.stringify({ answers, evaluation }, null, 2)}\n` : `${evaluationText(evaluation)}\n`);
    });
}
