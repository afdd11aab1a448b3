// The 2025 ruleset assembled from its parts, and agency overrides of the Readings.
import { z } from 'zod';
import { INDICATORS } from '../indicator/indicators.ts';
import { LEVEL_BANDS } from '../indicator/bands.ts';
import { SCENARIOS } from '../scenario/scenarios.ts';
import { BASIC_REQUIREMENTS, TIER_CONDITIONS } from '../tier/tiers.ts';
import { DEFAULT_READINGS, READING_DOCS, type ReadingValues } from './readings.ts';
import {
  RULESET_EDITION,
  RULESET_VERSION,
  STAGE_KEYS,
  type BasicRequirement,
  type Indicator,
  type LevelBand,
  type Scenario,
  type TierCondition,
} from './types.ts';

export interface Ruleset {
  readonly edition: number;
  readonly version: string;
  readonly indicators: readonly Indicator[];
  readonly bands: readonly LevelBand[];
  readonly scenarios: readonly Scenario[];
  readonly basicRequirements: readonly BasicRequirement[];
  readonly tiers: readonly TierCondition[];
  readonly readings: ReadingValues;
  /** Where the readings came from: 'default' or the override's label. */
  readonly readingsSource: string;
}

export const RULESET_2025: Ruleset = {
  edition: RULESET_EDITION,
  version: RULESET_VERSION,
  indicators: INDICATORS,
  bands: LEVEL_BANDS,
  scenarios: SCENARIOS,
  basicRequirements: BASIC_REQUIREMENTS,
  tiers: TIER_CONDITIONS,
  readings: DEFAULT_READINGS,
  readingsSource: 'default',
};

export { READING_DOCS };

const StageKeySchema = z.enum(STAGE_KEYS as [string, ...string[]]);

/** An agency's override file: `{ "readings": { … } }`, every key optional. */
export const RulesOverrideSchema = z
  .object({
    label: z.string().optional(),
    readings: z
      .object({
        indicator7Banding: z
          .object({
            basis: z.enum(['total', '2024']),
            steps: z
              .array(z.object({ atLeast: z.number().min(0), score: z.number().min(0).lt(100) }))
              .min(1)
              .refine((s) => s.every((x, i) => i === 0 || x.atLeast > (s[i - 1]?.atLeast ?? -Infinity)), {
                message: '分档须按 atLeast 从小到大排列且不重复',
              }),
          })
          .nullable(),
        normaliseText: z.boolean(),
        scorePrecisionDigits: z.number().int().min(0).max(9),
        cumulativeTiers: z.boolean(),
        compositeThresholdStrict: z.boolean(),
        // D4's scenario numbers 1–40: a typo such as "41" must not silently map nothing.
        stageOfScenario: z.record(z.string().regex(/^([1-9]|[1-3]\d|40)$/, '场景编号应为 1–40'), StageKeySchema),
      })
      .partial()
      .strict()
      .optional(),
  })
  .strict();

export type RulesOverride = z.infer<typeof RulesOverrideSchema>;

export class RulesOverrideError extends Error {
  readonly code = 'rules/invalid-override';
  constructor(readonly issues: readonly string[]) {
    super(`规则文件无效：${issues.join('；')}`);
  }
}

/** Applies an agency's override (already JSON-parsed) to a ruleset. Throws RulesOverrideError. */
export function applyOverride(base: Ruleset, input: unknown): Ruleset {
  // The issues end up in a Chinese message to the agency, so zod's own wording must be Chinese too.
  const parsed = RulesOverrideSchema.safeParse(input, { error: z.locales.zhCN().localeError });
  if (!parsed.success) {
    throw new RulesOverrideError(parsed.error.issues.map((i) => `${i.path.join('.') || '(根)'}：${i.message}`));
  }
  const r = parsed.data.readings ?? {};
  const stageOfScenario = r.stageOfScenario
    ? { ...base.readings.stageOfScenario, ...Object.fromEntries(Object.entries(r.stageOfScenario).map(([k, v]) => [Number(k), v])) }
    : base.readings.stageOfScenario;
  const readings = { ...base.readings, ...r, stageOfScenario } as ReadingValues;
  return { ...base, readings, readingsSource: parsed.data.label ?? 'override' };
}
