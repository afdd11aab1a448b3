import { readFile } from 'node:fs/promises';
import { applyOverride, RULESET_2025, RulesOverrideError, type Ruleset } from '../../core/index.ts';
import { SfeError } from '../errors.ts';

/** The 2025 ruleset, with an agency's override file applied when one is given (`--rules FILE`). */
export async function loadRuleset(file?: string): Promise<Ruleset> {
  if (!file) return RULESET_2025;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new SfeError('rules/unreadable', `无法读取规则文件「${file}」，请检查路径。`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new SfeError('rules/bad-json', `规则文件「${file}」不是有效的 JSON：${(e as Error).message}`);
  }
  try {
    return applyOverride(RULESET_2025, json);
  } catch (e) {
    if (e instanceof RulesOverrideError) throw new SfeError(e.code, `规则文件「${file}」：${e.message}`);
    throw e;
  }
}
