// Worksheet functions for D2's tier conditions: the reference tier and what is missing for the next one.
import { TIER_LABELS } from '../../core/index.ts';
import { evaluateArgs, requireComposite, tierText } from './evaluateArgs.ts';

/**
 * 参考等级：各项条件（基础要求、综合得分、建设场景数、覆盖环节、成熟度）全部满足的最高等级；均未满足时返回「无」。
 * @customfunction REFERENCETIER REFERENCETIER
 * @param levels 等级区域：9 个单元格（指标1–6、8–10），或 10 个单元格（指标1–10，第7个忽略）
 * @param scores 分数区域：与等级区域一一对应
 * @param tiers 场景等级区域：场景1–40 的自评等级，共 40 个单元格
 * @param maturity 智能制造能力成熟度：一级至五级
 * @param declarations 基础要求声明区域：第1–4条的「是」/「否」，共 4 个单元格
 * @returns 基础级 / 先进级 / 卓越级 / 领航级 / 无
 */
export function referenceTier(levels: unknown[][], scores: unknown[][], tiers: unknown[][], maturity: unknown, declarations: unknown[][]): string {
  const e = evaluateArgs({ levels, scores, tiers, maturity, declarations });
  requireComposite(e);
  return tierText(e.referenceTier);
}

/**
 * 距下一等级尚未满足的条件及差距，如「先进级：还差 3 个先进级及以上场景……」；已达领航级时说明无更高等级。
 * @customfunction NEXTTIERUNMET NEXTTIERUNMET
 * @param levels 等级区域：9 个单元格（指标1–6、8–10），或 10 个单元格（指标1–10，第7个忽略）
 * @param scores 分数区域：与等级区域一一对应
 * @param tiers 场景等级区域：场景1–40 的自评等级，共 40 个单元格
 * @param maturity 智能制造能力成熟度：一级至五级
 * @param declarations 基础要求声明区域：第1–4条的「是」/「否」，共 4 个单元格
 * @returns 下一等级的未满足条件
 */
export function nextTierUnmet(levels: unknown[][], scores: unknown[][], tiers: unknown[][], maturity: unknown, declarations: unknown[][]): string {
  const e = evaluateArgs({ levels, scores, tiers, maturity, declarations });
  if (e.nextTier === null) return `已达到${TIER_LABELS.leading}，没有更高等级。`;
  return `${TIER_LABELS[e.nextTier]}：${e.unmet.map((u) => u.message).join(' ')}`;
}
