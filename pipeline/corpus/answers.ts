// Answers drawn to look like a real province. One latent maturity z per enterprise drives everything:
// indicator levels (correlated through z), the tier it aims at, how many scenarios it built and at which
// tiers, and its GB/T 39116 maturity. Clean answers are drawn until the core finds nothing to say about them,
// so every finding in a corpus is one the trouble planter put there.
import {
  DECLARATION_KEYS,
  RULESET_2025,
  TIER_KEYS,
  bandOf,
  evaluate,
  levelForScore,
  type Answers,
  type DeclarationKey,
  type Evaluation,
  type LevelAnswer,
  type LevelNumber,
  type MaturityLevel,
  type Ruleset,
  type ScenarioAnswer,
  type TierKey,
} from '../../core/index.ts';
import {
  COMPOSITE_MEAN,
  COMPOSITE_SD,
  DECIMAL_SHARE,
  DECLARATION_YES,
  HALF_SHARE,
  INDICATOR_OFFSETS,
  INDICATOR_SD,
  INVESTMENT_BASE,
  NA_SHARE,
  SCENARIOS_BUILT_BY_AIM,
  STAGE_PROPENSITY,
  TIER_AIM_Z,
  TIER_DROP,
  TOP_TAIL_CURVE,
  TOP_TAIL_FROM_Z,
} from './data/profiles.ts';
import type { Enterprise } from './enterprises.ts';
import type { Random } from './random.ts';

export interface DrawnAnswers {
  readonly answers: Answers;
  /** The latent maturity the answers were drawn from (standard normal). */
  readonly latent: number;
  readonly evaluation: Evaluation;
}

const LEVELLED_IDS = [1, 2, 3, 4, 5, 6, 8, 9, 10] as const;
const MAX_ATTEMPTS = 40;

/** A score typed the way people type them: mostly whole points, sometimes one decimal or a half point. */
function typedScore(x: number, rng: Random): number {
  if (rng.chance(DECIMAL_SHARE)) return Math.round(x * 10) / 10;
  if (rng.chance(HALF_SHARE)) return Math.round(x * 2) / 2;
  return Math.round(x);
}

/** A level and a score inside that level's band (表3), near the drawn value x. */
function levelAndScore(x: number, rng: Random): { level: LevelNumber; score: number } {
  // Level 1 scores exactly 0: only enterprises that have done nothing at all choose it.
  if (x < 1.5) return { level: 1, score: 0 };
  const clamped = Math.min(x, 99.4);
  const level = levelForScore(clamped) ?? 2;
  const { band } = bandOf(level);
  let score = typedScore(clamped, rng);
  // Rounding may push a score onto a band edge that the band excludes: pull it back inside.
  if (score >= band.max) score = band.max - 1;
  if (band.minOpen && score <= band.min) score = band.min + 1;
  if (score < band.min) score = band.min;
  return { level, score };
}

/** The enterprise's score centre: linear in z, with a convex top so a few benchmark firms exceed 90. */
function centreOf(z: number): number {
  const top = Math.max(0, z - TOP_TAIL_FROM_Z);
  return COMPOSITE_MEAN + COMPOSITE_SD * z + TOP_TAIL_CURVE * top * top;
}

function drawIndicators(z: number, rng: Random): LevelAnswer[] {
  const centre = centreOf(z);
  return LEVELLED_IDS.map((id) => {
    const na = NA_SHARE[id];
    if (na !== undefined && rng.chance(na)) return { id, level: 'NA', score: null };
    const x = centre + (INDICATOR_OFFSETS[id] ?? 0) + rng.normal(0, INDICATOR_SD);
    return { id, ...levelAndScore(Math.max(0, x), rng) };
  });
}

/**
 * 0 = aims at no tier, 1..4 = 基础级..领航级. D4 opens a tier's scenario self-evaluation only above its
 * composite threshold, so an enterprise aims no higher than its own composite suggests.
 */
function aimOf(z: number, levelled: readonly LevelAnswer[], ruleset: Ruleset): number {
  const scores = levelled.flatMap((a) => (a.level === 'NA' || a.score === null ? [] : [a.score]));
  const mean = scores.length === 0 ? 0 : scores.reduce((x, y) => x + y, 0) / scores.length;
  const opened = ruleset.tiers.filter((t) => mean > t.compositeThreshold).length;
  return Math.min(opened, TIER_AIM_Z.filter((t) => z > t).length);
}

/** Sampling without replacement by weight (Efraimidis–Spirakis keys). */
function weightedSample<T>(items: readonly (readonly [T, number])[], k: number, rng: Random): T[] {
  return items
    .map(([item, w]) => ({ item, key: Math.pow(1 - rng.next(), 1 / w) }))
    .sort((a, b) => b.key - a.key)
    .slice(0, k)
    .map((x) => x.item);
}

function drawScenarios(aim: number, ruleset: Ruleset, rng: Random): ScenarioAnswer[] {
  const stageOf = ruleset.readings.stageOfScenario;
  const built = Math.max(0, Math.min(40, Math.round(rng.normal(SCENARIOS_BUILT_BY_AIM[aim] ?? 4, 3))));
  const weights = ruleset.scenarios.map((s) => [s, Math.exp(STAGE_PROPENSITY[stageOf[s.id] ?? 'operations'])] as const);
  const chosen = new Set(weightedSample(weights, built, rng).map((s) => s.id));
  const aimTier = Math.max(0, aim - 1);
  return ruleset.scenarios.map((s) => {
    if (!chosen.has(s.id)) return { id: s.id, tier: null };
    // Most built scenarios reach the aimed tier; some stay one or two below.
    const drop = rng.weighted(TIER_DROP[aim] ?? TIER_DROP[0] ?? [[0, 1]]);
    const wanted = Math.max(0, aimTier - drop);
    const ratable = TIER_KEYS.map((t, i) => [t, i] as const).filter(([t]) => s.tiers[t].has);
    const below = ratable.filter(([, i]) => i <= wanted);
    const pickBelow = below[below.length - 1];
    if (pickBelow) return { id: s.id, tier: pickBelow[0] };
    // Only descriptions above the wanted tier: some enterprises meet the higher text, most leave it blank.
    const above = ratable[0];
    const tier: TierKey | null = above && rng.chance(0.3) ? above[0] : null;
    return { id: s.id, tier };
  });
}

function drawMaturity(z: number, rng: Random): MaturityLevel {
  return Math.max(1, Math.min(5, Math.round(1.8 + 1.0 * z + rng.normal(0, 0.5)))) as MaturityLevel;
}

function drawDeclarations(z: number, rng: Random): Record<DeclarationKey, boolean> {
  // Weaker enterprises decline a declaration a little more often.
  const lean = z < -1 ? 0.03 : 0;
  return Object.fromEntries(DECLARATION_KEYS.map((k) => [k, rng.chance(DECLARATION_YES[k] - lean)])) as Record<DeclarationKey, boolean>;
}

function drawInvestment(e: Enterprise, z: number, rng: Random): { total: number; y2024: number } {
  const base = INVESTMENT_BASE[e.scale] ?? 200;
  const total = Math.round(base * Math.exp(0.5 * z + rng.normal(0, 0.6)) * 10) / 10;
  const y2024 = Math.round(total * (0.08 + 0.22 * rng.next()) * 10) / 10;
  return { total, y2024 };
}

export interface DrawOptions {
  /** Reuse a latent (a resubmission is the same enterprise, a little further along). */
  readonly latent?: number;
  readonly fillDate: string;
  readonly ruleset?: Ruleset;
}

function drawOnce(e: Enterprise, z: number, fillDate: string, ruleset: Ruleset, rng: Random): Answers {
  const inv = drawInvestment(e, z, rng);
  const levelled = drawIndicators(z, rng);
  return {
    enterprise: {
      name: e.name,
      uscc: e.uscc,
      city: e.city,
      county: e.county,
      industry: e.industry,
      scale: e.scale,
      maturity: drawMaturity(z, rng),
      declarations: drawDeclarations(z, rng),
      contact: e.contact,
      phone: e.phone,
      fillDate,
    },
    indicators: [...levelled.slice(0, 6), { id: 7 as const, investmentTotal: inv.total, investment2024: inv.y2024 }, ...levelled.slice(6)],
    scenarios: drawScenarios(aimOf(z, levelled, ruleset), ruleset, rng),
  };
}

/** Draws clean answers (no finding at all under the ruleset) for one enterprise. */
export function drawAnswers(e: Enterprise, rng: Random, options: DrawOptions): DrawnAnswers {
  const ruleset = options.ruleset ?? RULESET_2025;
  const latent = options.latent ?? rng.normal();
  let last: DrawnAnswers | null = null;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const answers = drawOnce(e, latent, options.fillDate, ruleset, rng);
    const evaluation = evaluate(answers, ruleset);
    last = { answers, latent, evaluation };
    if (evaluation.issues.length === 0) return last;
  }
  throw new Error(`could not draw clean answers for enterprise ${e.index} in ${MAX_ATTEMPTS} attempts (last issues: ${last?.evaluation.issues.map((f) => f.code).join(', ')})`);
}
