// Worksheet functions for D3's composite score and the scenario self-evaluation tier it opens (D4 §一).
import { requireComposite, evaluateArgs, tierText } from './evaluateArgs.ts';

/**
 * 数字化转型自评价综合得分：参与计分指标得分的平均值；选择「不涉及此环节」的指标不计入（其权重分摊给其余指标）。未填全或有误时返回 #N/A 并说明原因。
 * @customfunction COMPOSITE COMPOSITE
 * @param levels 等级区域：9 个单元格（指标1–6、8–10），或 10 个单元格（指标1–10，第7个忽略）
 * @param scores 分数区域：与等级区域一一对应
 * @returns 综合得分（未舍入）
 */
export function composite(levels: unknown[][], scores: unknown[][]): number {
  return requireComposite(evaluateArgs({ levels, scores }));
}

/**
 * 综合得分建议开展的场景自评等级：高于60分为基础级，高于70分为先进级，高于80分为卓越级，高于90分为领航级；均未高于时返回「无」。
 * @customfunction SUGGESTEDTIER SUGGESTEDTIER
 * @param levels 等级区域：9 个单元格（指标1–6、8–10），或 10 个单元格（指标1–10，第7个忽略）
 * @param scores 分数区域：与等级区域一一对应
 * @returns 基础级 / 先进级 / 卓越级 / 领航级 / 无
 */
export function suggestedTier(levels: unknown[][], scores: unknown[][]): string {
  const e = evaluateArgs({ levels, scores });
  requireComposite(e);
  return tierText(e.suggestedTier);
}
