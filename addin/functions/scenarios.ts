// Worksheet functions for D4's scenario table: counts per tier and per stage, one scenario's check, its texts.
import {
  MISSING_TEXT,
  RULESET_2025,
  STAGE_KEYS,
  TIER_KEYS,
  evaluateRaw,
  normaliseTier,
  type TierKey,
} from '../../core/index.ts';
import { cell, joinMessages, scenarioOf } from './args.ts';
import { invalidValue } from './errors.ts';
import { evaluateArgs } from './evaluateArgs.ts';

function tierOf(v: unknown): TierKey {
  const n = normaliseTier(cell(v, '等级'));
  if (!n.ok) throw invalidValue(`等级「${String(v)}」无法识别；${n.hint}`);
  if (n.value === null) throw invalidValue('等级未填写，应为基础级、先进级、卓越级或领航级。');
  return n.value;
}

/**
 * 各等级的建设场景数（自评为该等级及以上的场景数），返回一行四列：基础级、先进级、卓越级、领航级。
 * @customfunction SCENARIOCOUNTS SCENARIOCOUNTS
 * @param tiers 场景等级区域：场景1–40 的自评等级，共 40 个单元格
 * @returns 一行：基础级、先进级、卓越级、领航级的场景数
 */
export function scenarioCounts(tiers: unknown[][]): number[][] {
  const e = evaluateArgs({ tiers });
  return [TIER_KEYS.map((t) => e.scenarioCounts[t])];
}

/**
 * 某一等级的建设场景在五个环节的分布，返回一行五列：工厂建设、研发设计、生产作业、生产管理、运营管理。
 * @customfunction STAGECOUNTS STAGECOUNTS
 * @param tiers 场景等级区域：场景1–40 的自评等级，共 40 个单元格
 * @param tier 等级：基础级、先进级、卓越级或领航级
 * @returns 一行：各环节的该等级及以上场景数
 */
export function stageCounts(tiers: unknown[][], tier: unknown): number[][] {
  const t = tierOf(tier);
  const e = evaluateArgs({ tiers });
  return [STAGE_KEYS.map((s) => e.stageCoverage[t][s])];
}

/**
 * 核对一个场景的自评等级：无问题时返回空文本；在无描述（表中为「/」）的等级上自评等问题返回说明。
 * @customfunction SCENARIOCHECK SCENARIOCHECK
 * @param scenario 场景编号 1–40 或场景名称
 * @param tier 自评等级：基础级、先进级、卓越级、领航级，或空
 * @returns 空文本，或问题说明
 */
export function scenarioCheck(scenario: unknown, tier: unknown): string {
  const s = scenarioOf(scenario);
  const { evaluation } = evaluateRaw({ scenarios: [{ id: s.id, tier: cell(tier, '自评等级') }] }, RULESET_2025);
  return joinMessages(evaluation.issues.filter((f) => f.where.scenario === s.id));
}

/**
 * 场景在某一等级的官方描述（自评价参考表）；该等级无描述时返回「/」，与原表一致。
 * @customfunction TIERTEXT TIERTEXT
 * @param scenario 场景编号 1–40 或场景名称
 * @param tier 等级：基础级、先进级、卓越级或领航级
 * @returns 等级描述原文，或「/」
 */
export function tierText(scenario: unknown, tier: unknown): string {
  const s = scenarioOf(scenario);
  const d = s.tiers[tierOf(tier)];
  if (!d.has) return '/';
  return d.text ?? MISSING_TEXT;
}
