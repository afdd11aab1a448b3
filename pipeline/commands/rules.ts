// `sfe rules [--json]`: the whole ruleset, as a contract other systems can rely on.
import type { Command } from 'commander';
import { MISSING_TEXT, READING_DOCS, TIER_LABELS, type Ruleset } from '../../core/index.ts';
import { loadRuleset } from '../rules/loadRuleset.ts';
import type { GlobalOptions } from '../cli.ts';

export function rulesJson(ruleset: Ruleset): unknown {
  return {
    edition: ruleset.edition,
    version: ruleset.version,
    missingText: MISSING_TEXT,
    indicators: ruleset.indicators,
    bands: ruleset.bands,
    scenarios: ruleset.scenarios,
    basicRequirements: ruleset.basicRequirements,
    tiers: ruleset.tiers,
    readings: { source: ruleset.readingsSource, values: ruleset.readings, docs: READING_DOCS },
  };
}

function rulesText(r: Ruleset): string {
  const lines = [`江苏省智能工厂梯度建设评价规则 ${r.edition} 版（规则版本 ${r.version}，解读来源：${r.readingsSource}）`, ''];
  lines.push(`数字化转型评估指标：${r.indicators.length} 项`);
  for (const i of r.indicators) lines.push(`  ${i.id}. ${i.name}（${i.group}）${i.kind === 'levelled' && i.naAllowed ? ' 可选「不涉及此环节」' : ''}`);
  lines.push('', `典型场景：${r.scenarios.length} 个`, '', '梯度等级条件：');
  for (const t of r.tiers) lines.push(`  ${TIER_LABELS[t.tier]}：场景数≥${t.minScenarios}，成熟度≥${t.minMaturity}级，建议综合得分>${t.compositeThreshold}`);
  lines.push('', '解读（Readings）：');
  for (const d of READING_DOCS) lines.push(`  ${d.id} ${d.zh}`);
  return lines.join('\n');
}

export function registerRules(program: Command, globals: () => GlobalOptions): void {
  program
    .command('rules')
    .description('输出完整规则集（指标与等级描述、打分分段、场景与等级描述、梯度条件、解读）')
    .option('--json', '以 JSON 输出')
    .action(async (opts: { json?: boolean }) => {
      const ruleset = await loadRuleset(globals().rules);
      process.stdout.write(opts.json ? `${JSON.stringify(rulesJson(ruleset), null, 2)}\n` : `${rulesText(ruleset)}\n`);
    });
}
