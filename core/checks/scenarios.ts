// Scenario tiers: a tier without description (「/」) is an error and counts at no tier (Reading R4).
import { FIELD, type Finding } from '../finding/Finding.ts';
import { makeFinding } from '../finding/make.ts';
import { TIER_LABELS } from '../tier/tiers.ts';
import type { Answers } from '../answers/Answers.ts';
import type { Ruleset } from '../ruleset/ruleset.ts';
import { TIER_KEYS, type Scenario, type TierKey } from '../ruleset/types.ts';

/** Tiers at which a scenario can be rated (those with a description). */
export const ratableTiers = (s: Scenario): TierKey[] => TIER_KEYS.filter((t) => s.tiers[t].has);

/** The scenarios' effective tiers (null where unrated or rated at a tier without description). */
export function checkScenarios(answers: Answers, ruleset: Ruleset): { tiers: (TierKey | null)[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const tiers = ruleset.scenarios.map((s) => {
    const t = answers.scenarios.find((a) => a.id === s.id)?.tier ?? null;
    if (t === null) return null;
    if (!s.tiers[t].has) {
      findings.push(
        makeFinding('scenario/tier-without-description', 'error', { field: FIELD.tier(s.id), scenario: s.id }, {
          scenario: s.id,
          name: s.name,
          tier: t,
          tierLabel: TIER_LABELS[t],
          allowed: ratableTiers(s).map((x) => TIER_LABELS[x]),
        }, TIER_LABELS[t]),
      );
      return null;
    }
    return t;
  });
  return { tiers, findings };
}
